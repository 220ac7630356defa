# A task may catch CancelledError and keep going; the awaiter then sees a normal result.
import asyncio


async def worker():
    loop = asyncio.get_running_loop()
    done = 0
    while done < 3:
        try:
            await asyncio.sleep(1)
            done += 1
            print(f"{loop.time():.1f} worker: unit {done} done")
        except asyncio.CancelledError:
            print(f"{loop.time():.1f} worker: ignoring cancellation")
    return done


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1.5)
    t.cancel()
    await asyncio.sleep(0)
    print("after cancel: done?", t.done(), "cancelled?", t.cancelled())
    print("result:", await t, "| cancelled?", t.cancelled())


asyncio.run(main())
