# AsyncExitStack unwinds in reverse order, mixing sync and async callbacks.
import asyncio
import contextlib


@contextlib.asynccontextmanager
async def conn(name):
    print("connect", name)
    yield name
    print("disconnect", name)


async def async_cleanup(msg):
    await asyncio.sleep(0.1)
    print("async cleanup:", msg)


async def main():
    async with contextlib.AsyncExitStack() as stack:
        names = [await stack.enter_async_context(conn(n)) for n in ("db", "cache")]
        stack.callback(print, "sync callback")
        stack.push_async_callback(async_cleanup, "flush")
        print("inside with", names)
    print("all closed")


asyncio.run(main())
