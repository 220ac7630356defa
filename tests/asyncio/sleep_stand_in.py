# `await asyncio.sleep(d)` runs without its coroutine in loopscope when nothing can tell: what
# a script can see of that coroutine must still be there (cr_await, ag_await, the traceback
# entry of a cancellation, the timer cancelled by sleep's finally, close()).
import asyncio


def names(tb):
    out = []
    while tb is not None:
        out.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    return out


async def worker(n):
    try:
        r = await asyncio.sleep(0.5, f"r{n}")
        print("worker", n, "slept:", r)
    finally:
        print("worker", n, "finally")
    return n


async def agen():
    yield 1
    await asyncio.sleep(0.2)
    yield 2


async def main():
    loop = asyncio.get_running_loop()
    c = worker(1)
    t = asyncio.create_task(c)
    await asyncio.sleep(0.1)
    a = c.cr_await
    print(type(a).__name__, a.__qualname__, c.cr_await is a, a.cr_running)
    print("sleep's delay:", a.cr_frame.f_locals["delay"], a.cr_frame.f_code.co_name)
    print("awaits:", type(a.cr_await).__name__)
    print(await t)

    t2 = asyncio.create_task(worker(2))
    await asyncio.sleep(0.1)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError as e:
        print("cancelled through:", names(e.__traceback__))
    print("timers left:", len([h for h in loop._scheduled if not h.cancelled()]))

    c3 = worker(3)
    fut = c3.send(None)
    print("driven by hand, waits on:", type(fut).__name__)
    c3.close()
    print("closed:", c3.cr_await, "timers left:", len([h for h in loop._scheduled if not h.cancelled()]))

    g = agen()
    print(await g.__anext__())
    t4 = asyncio.create_task(g.__anext__())
    await asyncio.sleep(0.1)
    print("ag_await:", type(g.ag_await).__name__, g.ag_await.__qualname__)
    print(await t4)
    await g.aclose()

    async def catcher():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("caught in catcher")
            return "swallowed"

    t5 = asyncio.create_task(catcher())
    await asyncio.sleep(0.3)
    t5.cancel()
    print(await t5, round(loop.time(), 3))


asyncio.run(main())
