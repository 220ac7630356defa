import asyncio
import re


def r(o):
    # stdout is compared exactly: addresses would differ from CPython's
    return re.sub(r" at 0x[0-9a-f]+", "", repr(o))


async def main():
    # kept alive: CPython would reuse a freed object's address for the next one
    keep = [asyncio.Queue(), asyncio.Semaphore(2), asyncio.Event(), asyncio.Condition()]
    print(*map(r, keep))
    q = asyncio.Queue(maxsize=3); q.put_nowait(1)
    print(q, r(q))
    s = asyncio.Semaphore(1); await s.acquire()
    w = asyncio.create_task(s.acquire())
    await asyncio.sleep(0)
    print(r(s))
    s.release(); await w
    e = asyncio.Event()
    tw = asyncio.create_task(e.wait()); await asyncio.sleep(0)
    print(r(e)); e.set(); await tw
    lock = asyncio.Lock(); await lock.acquire()
    lw = asyncio.create_task(lock.acquire()); await asyncio.sleep(0)
    print(r(lock)); lock.release(); await lw; lock.release()
    b = asyncio.Barrier(2)
    print(r(b))
    async def part(i):
        r = await b.wait()
        return r
    print(sorted(await asyncio.gather(part(0), part(1))), r(b))
    f = asyncio.Future()
    print(r(f), f.done())
    f.set_result([1, 2])
    print(r(f))
    f2 = asyncio.Future(); f2.cancel("why"); print(r(f2))
    try:
        f2.result()
    except asyncio.CancelledError as e:
        print(repr(e))
    try:
        f.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    t = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    print(r(t))
    print(r(asyncio.current_task())[:40])
    t.cancel()

asyncio.run(main())
