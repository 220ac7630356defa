# Cancelling the gather future cancels every child that is still running.
import asyncio


async def child(name, t):
    try:
        await asyncio.sleep(t)
        print(f"{name} finished")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    g = asyncio.gather(child("a", 0.5), child("b", 2), child("c", 3))
    await asyncio.sleep(1)
    print("cancel ->", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print(f"{loop.time():.1f} gather cancelled:", g.cancelled())
    print("cancel again ->", g.cancel())


asyncio.run(main())
