# call_soon_threadsafe() from the loop's own thread behaves like call_soon().
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "call_soon 1")
    h = loop.call_soon_threadsafe(print, "threadsafe 1")
    loop.call_soon(print, "call_soon 2")
    loop.call_soon_threadsafe(print, "threadsafe 2")
    print(type(h).__name__)
    await asyncio.sleep(0)
    fut = loop.create_future()
    loop.call_soon_threadsafe(fut.set_result, "from threadsafe")
    print(await fut)


asyncio.run(main())
