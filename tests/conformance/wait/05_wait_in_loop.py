# A classic loop: keep waiting for FIRST_COMPLETED until nothing is pending.
import asyncio


async def job(name, t):
    await asyncio.sleep(t)
    return name


async def main():
    loop = asyncio.get_running_loop()
    pending = {asyncio.create_task(job(n, t)) for n, t in (("a", 0.3), ("b", 0.1), ("c", 0.3), ("d", 0.2))}
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        print(f"{loop.time():.1f}", sorted(t.result() for t in done), "still pending:", len(pending))


asyncio.run(main())
