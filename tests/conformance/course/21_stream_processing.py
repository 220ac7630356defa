# Streaming with an async generator over a queue, closed by a sentinel.
import asyncio

DONE = object()


async def sensor(q, name, readings, interval):
    for r in readings:
        await asyncio.sleep(interval)
        await q.put((name, r))
    await q.put(DONE)


async def stream(q, producers):
    finished = 0
    while finished < producers:
        item = await q.get()
        if item is DONE:
            finished += 1
            continue
        yield item


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    asyncio.create_task(sensor(q, "temp", [20.5, 21.0, 22.5], 0.3))
    asyncio.create_task(sensor(q, "hum", [40, 42], 0.5))
    window = []
    async for name, value in stream(q, 2):
        window = (window + [value])[-3:]
        print(f"{loop.time():.1f} {name}={value} window avg={sum(window) / len(window):.2f}")
    print("stream ended")


asyncio.run(main())
