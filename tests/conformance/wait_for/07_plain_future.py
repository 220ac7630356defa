# wait_for() on a plain Future: on timeout the future itself is cancelled.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    try:
        await asyncio.wait_for(fut, 0.5)
    except TimeoutError:
        print(f"{loop.time():.1f} timeout; future cancelled? {fut.cancelled()}")
    gone = loop.create_future()
    gone.cancel()
    try:
        await asyncio.wait_for(gone, 1)
    except asyncio.CancelledError:
        print("an already-cancelled future -> CancelledError")
    ok = loop.create_future()
    loop.call_later(0.2, ok.set_result, "in time")
    print(await asyncio.wait_for(ok, 1), f"{loop.time():.1f}")


asyncio.run(main())
