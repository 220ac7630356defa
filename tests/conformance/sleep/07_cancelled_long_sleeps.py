# Many long sleeps cancelled at once: the loop does not wait for their deadlines.
import asyncio


async def sleeper(i):
    try:
        await asyncio.sleep(1000 + i)
    except asyncio.CancelledError:
        return f"s{i} cancelled"


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(sleeper(i)) for i in range(150)]
    await asyncio.sleep(1)
    for t in tasks[::2]:
        t.cancel()
    done = await asyncio.gather(*tasks[::2])
    print(len(done), done[:3], f"{loop.time():.1f}")
    print("timers in heap:", len(loop._scheduled), "| cancelled count:", loop._timer_cancelled_count)
    for t in tasks[1::2]:
        t.cancel()
    await asyncio.gather(*tasks[1::2])
    await asyncio.sleep(0)
    print("timers in heap:", len(loop._scheduled), "| cancelled count:", loop._timer_cancelled_count)
    print(f"{loop.time():.1f}")


asyncio.run(main())
