# An uncaught TimeoutError from wait_for().
import asyncio


async def main():
    print("waiting at most 1s")
    await asyncio.wait_for(asyncio.sleep(10), timeout=1)


asyncio.run(main())
