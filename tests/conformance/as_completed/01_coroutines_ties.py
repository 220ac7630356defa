# as_completed() with coroutines, including ties in finishing time.
import asyncio


async def job(name, t):
    await asyncio.sleep(t)
    return name


async def main():
    loop = asyncio.get_running_loop()
    aws = [job(n, t) for n, t in (("a", 0.2), ("b", 0.1), ("c", 0.2), ("d", 0.1), ("e", 0.0))]
    for fut in asyncio.as_completed(aws):
        print(f"{loop.time():.1f}", await fut)


asyncio.run(main())
