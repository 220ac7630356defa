# A coroutine object can be awaited only once; a finished task can be awaited many times.
import asyncio


async def value():
    await asyncio.sleep(0)
    return 1


async def main():
    c = value()
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    t = asyncio.create_task(value())
    print(await t, await t, await t)
    c2 = value()
    t2 = asyncio.create_task(c2)
    try:
        await c2                      # already being run by t2
    except RuntimeError as e:
        print("RuntimeError:", e)
    await t2
    c3 = value()
    c3.close()
    try:
        await c3
    except RuntimeError as e:
        print("RuntimeError after close():", e)


asyncio.run(main())
