# Creating tasks in a finished TaskGroup is an error; so is entering it twice.
import asyncio


async def noop():
    pass


async def main():
    tg = asyncio.TaskGroup()
    coro = noop()
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("before enter:", e)
    coro.close()
    async with tg:
        tg.create_task(noop())
    coro = noop()
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("after exit:", e)
    coro.close()
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print("re-enter:", e)


asyncio.run(main())
