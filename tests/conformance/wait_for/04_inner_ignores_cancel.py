# On timeout wait_for() cancels the inner task and waits for it; if the inner task
# swallows the cancellation and returns, wait_for() returns that value (3.11).
import asyncio


async def stubborn():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{loop.time():.1f} stubborn: cancelled, cleaning up for 0.5s")
        await asyncio.sleep(0.5)
        return "cleanup value"


async def main():
    loop = asyncio.get_running_loop()
    try:
        r = await asyncio.wait_for(stubborn(), timeout=1)
        print(f"{loop.time():.1f} wait_for returned {r!r}")
    except TimeoutError:
        print(f"{loop.time():.1f} TimeoutError")


asyncio.run(main())
