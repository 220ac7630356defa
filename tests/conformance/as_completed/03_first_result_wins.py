# Use as_completed() to take the fastest mirror and cancel the rest.
import asyncio


async def mirror(name, t):
    try:
        await asyncio.sleep(t)
        return name
    except asyncio.CancelledError:
        print(f"  {name} cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(mirror(n, t)) for n, t in (("eu", 0.4), ("us", 0.25), ("asia", 0.6))]
    for fut in asyncio.as_completed(tasks):
        winner = await fut
        break
    print(f"{loop.time():.2f} winner: {winner}")
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print("states:", ["cancelled" if t.cancelled() else t.result() for t in tasks])


asyncio.run(main())
