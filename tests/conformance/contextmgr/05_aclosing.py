# contextlib.aclosing() closes an async generator deterministically after a break.
import asyncio
import contextlib


async def numbers():
    try:
        for i in range(100):
            yield i
    finally:
        print("  numbers closed")


async def main():
    async with contextlib.aclosing(numbers()) as it:
        async for n in it:
            if n == 2:
                break
            print(n)
        print("still inside the with")
    print("after the with")


asyncio.run(main())
