# FIRST_EXCEPTION with no failure behaves like ALL_COMPLETED; an already failed
# future makes wait() return at once.
import asyncio


async def job(t):
    await asyncio.sleep(t)
    return t


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(t)) for t in (0.1, 0.2)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{loop.time():.1f} done={len(done)} pending={len(pending)}")
    bad = loop.create_future()
    bad.set_exception(KeyError("k"))
    slow = asyncio.create_task(job(5))
    done, pending = await asyncio.wait([slow, bad], return_when=asyncio.FIRST_EXCEPTION)
    print(f"{loop.time():.1f} done={len(done)} pending={len(pending)}")
    bad.exception()
    slow.cancel()
    done, pending = await asyncio.wait([slow], return_when=asyncio.FIRST_COMPLETED)
    print(f"{loop.time():.1f} cancelled counts as done: {[t.cancelled() for t in done]}")


asyncio.run(main())
