# Per-request timeouts inside a TaskGroup: slow requests fail alone, the group survives.
import asyncio

LATENCY = {"/a": 0.2, "/b": 1.5, "/c": 0.4, "/d": 3.0}


async def handle(path, results, loop):
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(LATENCY[path])
            results[path] = "200 OK"
    except TimeoutError:
        results[path] = "504 Gateway Timeout"
    print(f"{loop.time():.1f} {path} -> {results[path]}")


async def main():
    loop = asyncio.get_running_loop()
    results = {}
    async with asyncio.TaskGroup() as tg:
        for path in LATENCY:
            tg.create_task(handle(path, results, loop))
    print(dict(sorted(results.items())))


asyncio.run(main())
