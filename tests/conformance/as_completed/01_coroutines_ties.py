# as_completed() with ties in finishing time.
# (Tasks, not bare coroutines: as_completed() wraps coroutines in iteration order of a set,
# i.e. by memory address, which no conformance case may depend on.)
import asyncio


async def job(name, t):
    await asyncio.sleep(t)
    return name


async def main():
    loop = asyncio.get_running_loop()
    aws = [asyncio.create_task(job(n, t)) for n, t in (("a", 0.2), ("b", 0.1), ("c", 0.2), ("d", 0.1), ("e", 0.0))]
    for fut in asyncio.as_completed(aws):
        name = await fut
        print(f"{loop.time():.1f}", name)


asyncio.run(main())
