import asyncio

async def job(n, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise RuntimeError(f"job {n} failed")
    return n

async def main():
    tasks = [asyncio.create_task(job(i, i * 0.3, fail=(i == 2)), name=f"job{i}") for i in range(5)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    for t in sorted(done, key=lambda t: t.get_name()):
        print(t.get_name(), t.exception() if t.exception() else t.result())
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print([t.get_name() for t in done], len(pending))
    for p in pending:
        p.cancel()
    done, pending = await asyncio.wait(pending)
    print([t.cancelled() for t in done])
    try:
        r = await asyncio.wait_for(job(9, 1), timeout=0.5)
    except asyncio.TimeoutError as e:
        print("wait_for timed out", type(e), asyncio.get_running_loop().time())
    r = await asyncio.wait_for(job(8, 0.1), timeout=None)
    print(r)
    t = asyncio.create_task(job(7, 2))
    try:
        await asyncio.wait_for(asyncio.shield(t), 0.5)
    except TimeoutError:
        print("shielded inner still running:", not t.done())
    print(await t, asyncio.get_running_loop().time())

asyncio.run(main())
