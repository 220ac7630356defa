# create_task() followed immediately by await in the same loop body is sequential.
import asyncio


async def job(n):
    await asyncio.sleep(0.5)
    return n


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = []
    for n in range(3):
        t = asyncio.create_task(job(n))
        results.append(await t)               # waits before creating the next task
    print(results, f"sequential: {loop.time() - start:.1f}s")
    start = loop.time()
    tasks = [asyncio.create_task(job(n)) for n in range(3)]
    results = [await t for t in tasks]        # all started first: concurrent
    print(results, f"concurrent: {loop.time() - start:.1f}s")


asyncio.run(main())
