# Course classic: several producers and consumers with a sentinel per consumer.
import asyncio


async def producer(q, name, n, delay, loop):
    for i in range(n):
        await asyncio.sleep(delay)
        await q.put(f"{name}-{i}")
        print(f"{loop.time():.1f} {name} produced {name}-{i}")


async def consumer(q, name, loop):
    handled = []
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            break
        await asyncio.sleep(0.3)
        handled.append(item)
        print(f"{loop.time():.1f} {name} consumed {item}")
        q.task_done()
    return handled


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue(maxsize=3)
    consumers = [asyncio.create_task(consumer(q, f"C{i}", loop)) for i in range(2)]
    await asyncio.gather(producer(q, "P1", 3, 0.1, loop), producer(q, "P2", 2, 0.25, loop))
    for _ in consumers:
        await q.put(None)
    await q.join()
    print("handled:", await asyncio.gather(*consumers))


asyncio.run(main())
