# asyncio.wait() with each return_when; sets are printed sorted by task name.
import asyncio


async def job(t, fail=False):
    await asyncio.sleep(t)
    if fail:
        raise ValueError(f"job {t} failed")
    return t


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    loop = asyncio.get_running_loop()
    for when in (asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED):
        start = loop.time()
        tasks = [asyncio.create_task(job(t, fail=(t == 0.2)), name=f"job{t}")
                 for t in (0.3, 0.1, 0.2, 0.4)]
        done, pending = await asyncio.wait(tasks, return_when=when)
        print(f"{when}: after {loop.time() - start:.1f}s done={names(done)} pending={names(pending)}")
        for t in pending:
            t.cancel()
        await asyncio.wait(tasks)
        for t in tasks:
            if not t.cancelled():
                t.exception()
    print(repr(asyncio.FIRST_COMPLETED), asyncio.ALL_COMPLETED == "ALL_COMPLETED")


asyncio.run(main())
