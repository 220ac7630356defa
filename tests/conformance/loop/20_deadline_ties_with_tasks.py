# A timeout and the awaited sleep expire at the same instant: heap order decides who wins.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    for t in (1, 0.5, 0.1, 2):
        try:
            r = await asyncio.wait_for(asyncio.sleep(t, "slept"), timeout=t)
            print(f"wait_for({t}): {r}")
        except TimeoutError:
            print(f"wait_for({t}): TimeoutError")
    for t in (1, 0.3):
        try:
            async with asyncio.timeout(t):
                await asyncio.sleep(t)
            print(f"timeout({t}): finished")
        except TimeoutError:
            print(f"timeout({t}): TimeoutError")
    print(loop.time())


asyncio.run(main())
