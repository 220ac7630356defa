# cancel() on a task that is already scheduled to run: CancelledError is thrown in at
# that step instead of the awaited value.
import asyncio


async def child(fut):
    try:
        print("child: waiting")
        value = await fut
        print("child: got", value)
    except asyncio.CancelledError:
        print("child: cancelled instead of receiving the value")
        raise


async def fresh():
    print("fresh: this never prints")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(child(fut))
    await asyncio.sleep(0)
    fut.set_result(1)             # child's wakeup is now in the ready queue
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled?", t.cancelled(), "| fut still has its result:", fut.result())
    f = asyncio.create_task(fresh())
    f.cancel()
    await asyncio.gather(f, return_exceptions=True)
    print("fresh cancelled?", f.cancelled())


asyncio.run(main())
