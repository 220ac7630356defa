# Timers due within the clock resolution (1e-9 s) of "now" run in the same iteration.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    report = lambda name: print(name, "at", loop.time())
    loop.call_at(t0 + 1.0, report, "+1.0")
    loop.call_at(t0 + 1.0 + 5e-10, report, "+1.0 + 5e-10")
    loop.call_at(t0 + 1.0 + 2e-9, report, "+1.0 + 2e-9")
    loop.call_at(t0 + 1.0 - 5e-10, report, "+1.0 - 5e-10")
    loop.call_at(t0 + 1.0 + 1e-6, report, "+1.0 + 1e-6")
    await asyncio.sleep(1.5)
    print(loop.time())


asyncio.run(main())
