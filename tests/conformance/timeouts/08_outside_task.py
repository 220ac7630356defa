# asyncio.timeout() needs a current task; entering it elsewhere is a RuntimeError.
import asyncio


async def use_timeout():
    async with asyncio.timeout(1):
        return "inside a task: fine"


def callback(loop, fut):
    cm = asyncio.timeout(1)
    coro = cm.__aenter__()
    try:
        coro.send(None)
    except RuntimeError as e:
        fut.set_result(f"RuntimeError: {e}")
    except StopIteration:
        fut.set_result("entered?!")


async def main():
    loop = asyncio.get_running_loop()
    print(await use_timeout())
    fut = loop.create_future()
    loop.call_soon(callback, loop, fut)
    print(await fut)


asyncio.run(main())
