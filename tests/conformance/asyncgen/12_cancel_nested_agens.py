# A task cancelled while two stacked async generators wait inside: CancelledError travels
# through both asend() awaitables, each finally runs innermost first, then the consumer sees it.
import asyncio


async def source():
    try:
        n = 0
        while True:
            await asyncio.sleep(0.4)
            yield n
            n += 1
    except asyncio.CancelledError:
        print("  source: cancelled at its await")
        raise
    finally:
        print("  source finally")


async def doubled():
    try:
        async for x in source():
            yield 2 * x
    finally:
        print("  doubled finally")


async def consumer():
    got = []
    try:
        async for y in doubled():
            got.append(y)
    finally:
        print("  consumer finally, got", got)


async def main():
    t = asyncio.create_task(consumer())
    await asyncio.sleep(1.0)
    t.cancel("stop")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main: cancelled", e.args)
    print("loop time", asyncio.get_running_loop().time())


asyncio.run(main())
