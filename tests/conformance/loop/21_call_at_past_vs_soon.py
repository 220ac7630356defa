# call_at() with a deadline in the past runs in the next iteration, after the call_soon
# handles that are already queued, in heap order among themselves.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    now = loop.time()
    await asyncio.sleep(1)
    loop.call_at(now - 5, print, "call_at(-5)")
    loop.call_soon(print, "call_soon A")
    loop.call_at(now, print, "call_at(start)")
    loop.call_at(now - 10, print, "call_at(-10)")
    loop.call_soon(print, "call_soon B")
    loop.call_at(loop.time(), print, "call_at(now)")
    await asyncio.sleep(0)
    print("main resumed")
    await asyncio.sleep(0)
    print("main resumed again")


asyncio.run(main())
