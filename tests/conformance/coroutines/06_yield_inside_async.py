# Awaiting a generator (not a coroutine) fails; a Future yields itself to the task.
import asyncio


def plain_gen():
    yield 1


async def main():
    try:
        await plain_gen()
    except TypeError as e:
        print("TypeError:", e)
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    it = fut.__await__()
    print("first yield is the future itself:", next(it) is fut)
    fut.set_result("r")
    try:
        next(it)
    except StopIteration as e:
        print("then StopIteration with", repr(e.value))


asyncio.run(main())
