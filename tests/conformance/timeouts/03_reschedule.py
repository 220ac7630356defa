# reschedule(): move the deadline later, earlier, or remove it with None.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(None) as cm:
        print("when:", cm.when())
        cm.reschedule(loop.time() + 10)
        print("when:", cm.when())
        cm.reschedule(None)
        await asyncio.sleep(20)
    print(f"{loop.time():.1f} survived 20s with no deadline")
    try:
        async with asyncio.timeout(10) as cm:
            await asyncio.sleep(1)
            cm.reschedule(loop.time() + 0.5)
            await asyncio.sleep(5)
    except TimeoutError:
        print(f"{loop.time():.1f} shortened deadline hit")
    try:
        async with asyncio.timeout(1) as cm:
            await asyncio.sleep(0.5)
            cm.reschedule(loop.time() - 1)      # already in the past
            print("rescheduled into the past, still running")
            await asyncio.sleep(0)
    except TimeoutError:
        print(f"{loop.time():.1f} past reschedule -> TimeoutError")
    try:
        cm.reschedule(loop.time() + 1)
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
