# Cancelling the task that owns a TaskGroup cancels every child, then CancelledError.
import asyncio


async def child(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"  {name} cancelled")
        raise


async def owner():
    try:
        async with asyncio.TaskGroup() as tg:
            for n in ("c1", "c2", "c3"):
                tg.create_task(child(n))
            print("owner: waiting in the body")
            await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("owner: CancelledError after the group closed")
        raise


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(owner())
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print(f"{loop.time():.1f} owner cancelled? {t.cancelled()}")


asyncio.run(main())
