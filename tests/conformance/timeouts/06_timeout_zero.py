# timeout(0) and a body that never awaits.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0):
            print("body runs")
            x = sum(range(10))
        print("no await in the body: finished normally with", x)
    except TimeoutError:
        print("TimeoutError although the body never awaited")
    try:
        async with asyncio.timeout(0):
            await asyncio.sleep(0)
        print("sleep(0) survived")
    except TimeoutError:
        print("sleep(0) -> TimeoutError")
    print(loop.time())


asyncio.run(main())
