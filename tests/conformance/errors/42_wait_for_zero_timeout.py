# wait_for with a timeout of 0 cancels the coroutine's task before its first step: the
# CancelledError shows the coroutine at its `def` line, where it never got past.
import asyncio


async def slow(n):
    await asyncio.sleep(n)
    return n


async def main():
    print(await asyncio.wait_for(slow(0), 0.5))
    await asyncio.wait_for(slow(1), 0)


asyncio.run(main())
