# Race: the future a task waits on completes, then the task is cancelled before it wakes.
# The cancellation wins: the value is lost and CancelledError is thrown into the coroutine.
import asyncio


async def waiter(fut):
    try:
        v = await fut
        print("waiter got", v)
    except asyncio.CancelledError:
        print("waiter: cancelled although the future had a result:", fut.result())
        raise


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    fut.set_result("value")
    print("cancel() ->", t.cancel())
    await asyncio.gather(t, return_exceptions=True)
    print("task cancelled?", t.cancelled())


asyncio.run(main())
