# Cancelling the outer shield future detaches it from the inner task, so a later failure
# of the inner task is never retrieved: "Task exception was never retrieved" on stderr.
import asyncio


async def inner():
    await asyncio.sleep(0.5)
    raise ValueError("inner failed after the outer was cancelled")


async def main():
    t = asyncio.create_task(inner())
    outer = asyncio.shield(t)
    await asyncio.sleep(0.1)
    outer.cancel()
    await asyncio.sleep(1)
    print("inner done?", t.done(), "| outer cancelled?", outer.cancelled())
    del t, outer


asyncio.run(main())
print("the lost error is reported on stderr")
