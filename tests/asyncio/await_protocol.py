# `await` on asyncio's own awaitables (futures, tasks, sleep) and on a Future subclass that
# overrides __await__, plus driving a future's __await__ iterator by hand: loopscope takes a
# native path for the first kinds and the generic protocol for the others.
import asyncio


class Loud(asyncio.Future):
    def __await__(self):
        print("Loud.__await__")
        return (yield from super().__await__())


async def child(n):
    await asyncio.sleep(0.01 * n)
    return n * 10


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.02, fut.set_result, "late")
    print("pending future:", await fut)
    print("done future:", await fut)
    t = asyncio.create_task(child(2))
    print("task:", await t, await t)
    print("sleep result:", await asyncio.sleep(0.01, result="zzz"))
    loud = Loud()
    loop.call_soon(loud.set_result, 7)
    print("subclass:", await loud)
    f2 = loop.create_future()
    it = f2.__await__()
    print("first step yields the future:", next(it) is f2)
    f2.set_result("by hand")
    try:
        it.send(None)
    except StopIteration as e:
        print("StopIteration value:", e.value)
    try:
        next(it)
    except StopIteration as e:
        print("again:", e.value)
    bad = loop.create_future()
    loop.call_later(0.01, bad.set_exception, ValueError("boom"))
    try:
        await bad
    except ValueError as e:
        print("exception:", e)
    c = asyncio.create_task(child(50))
    await asyncio.sleep(0.01)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("cancelled:", c.cancelled())
    tasks = [asyncio.create_task(child(i)) for i in range(4)]
    done, pending = await asyncio.wait(tasks, timeout=0.025)
    print("done:", sorted(t.result() for t in done), "pending:", len(pending))
    await asyncio.gather(*pending)
    print(f"virtual time {loop.time():.3f}")


asyncio.run(main())
