# The default exception handler logs errors from callbacks to stderr; the loop survives.
import asyncio


def bad_callback(x):
    return x["missing"]


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad_callback, {})
    await asyncio.sleep(0.1)
    print("main still alive")


asyncio.run(main())
print("exit normally")
