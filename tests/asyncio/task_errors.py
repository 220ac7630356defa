# Misused awaits surface as CPython's RuntimeErrors; wait() and as_completed() orders.
import asyncio
import types


@types.coroutine
def bad_yield():
    yield 123


@types.coroutine
def bare_future_yield(fut):
    yield fut


async def await_self():
    await asyncio.sleep(0)
    await me


async def quick(i, d):
    await asyncio.sleep(d)
    if i == 2:
        raise KeyError(i)
    return i


async def main():
    global me
    try:
        await asyncio.create_task(bad_yield_coro())
    except RuntimeError as e:
        print("RuntimeError:", e)
    fut = asyncio.get_running_loop().create_future()
    try:
        await asyncio.create_task(yield_future(fut))
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(" in task")[0])
    me = asyncio.create_task(await_self())
    try:
        await me
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(":")[0])

    tasks = [asyncio.create_task(quick(i, d)) for i, d in enumerate([0.3, 0.1, 0.2, 0.4])]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first completed:", sorted(t.get_name() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception:", sorted(t.get_name() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks, timeout=0.05)
    print("timeout:", len(done), len(pending))
    done, pending = await asyncio.wait(tasks)
    print("all:", len(done), len(pending))
    # Tasks, not coroutines: as_completed wraps coroutines in set order, which is address order.
    ts = [asyncio.create_task(quick(i, d)) for i, d in enumerate([0.3, 0.1, 0.5])]
    for coro in asyncio.as_completed(ts):
        try:
            print("as_completed:", await coro)
        except KeyError as e:
            print("as_completed error:", repr(e))
    try:
        for coro in asyncio.as_completed([asyncio.create_task(quick(0, 1.0))], timeout=0.5):
            await coro
    except asyncio.TimeoutError:
        print("as_completed timed out")
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    async with asyncio.timeout(0.2) as cm:
        print(cm.expired(), cm.when() is not None)
    try:
        async with asyncio.timeout(0.1) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout expired:", cm.expired())
    print(f"time {asyncio.get_running_loop().time():.2f}")


async def bad_yield_coro():
    await bad_yield()


async def yield_future(fut):
    # a Future yielded without `await` (its _asyncio_future_blocking is False)
    await bare_future_yield(fut)


asyncio.run(main())
