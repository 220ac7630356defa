# create_task() accepts only coroutines; a task's result can be any object.
import asyncio


async def make(v):
    return v


async def main():
    for v in (None, 0, "", [1, (2, 3)], {"k": {1, 2}}, make):
        t = asyncio.create_task(make(v))
        r = await t
        print(type(r).__name__, r is v)
    for bad in (42, "text", None):
        try:
            asyncio.create_task(bad)
        except TypeError as e:
            print("TypeError:", e)
    fut = asyncio.get_running_loop().create_future()
    try:
        asyncio.create_task(fut)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
