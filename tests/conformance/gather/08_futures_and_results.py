# gather() accepts futures, tasks and coroutines mixed; plain futures can be set later.
import asyncio


async def produce():
    await asyncio.sleep(0.2)
    return "coroutine"


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_later(0.5, f.set_result, "future")
    t = asyncio.create_task(produce())
    res = await asyncio.gather(f, t, produce(), asyncio.sleep(0.1, "sleep"))
    print(res, f"{loop.time():.1f}")
    bad = loop.create_future()
    loop.call_later(0.1, bad.set_exception, OSError("io"))
    res = await asyncio.gather(bad, produce(), return_exceptions=True)
    print(res, f"{loop.time():.1f}")


asyncio.run(main())
