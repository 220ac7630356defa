# Cancelling the task that owns a TaskGroup cancels every child, then CancelledError.
# (The group keeps its children in a set, so the order in which they are cancelled follows
# memory addresses: the children only record their cancellation, printed sorted.)
import asyncio

cancelled = []


async def child(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        cancelled.append(name)
        raise


async def owner():
    try:
        async with asyncio.TaskGroup() as tg:
            for n in ("c1", "c2", "c3"):
                tg.create_task(child(n))
            print("owner: waiting in the body")
            await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("owner: CancelledError after the group closed; children cancelled:", sorted(cancelled))
        raise


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(owner())
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print(f"{loop.time():.1f} owner cancelled? {t.cancelled()}")


asyncio.run(main())
