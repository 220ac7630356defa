import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    print(q, q.maxsize, q.qsize(), q.empty(), q.full())
    q.put_nowait(1)
    q.put_nowait(2)
    print(q, q.full())
    try:
        q.put_nowait(3)
    except asyncio.QueueFull as e:
        print("QueueFull", repr(e))
    print(q.get_nowait(), q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e))
    q.task_done(); q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    await q.join()
    print("joined")
    pq = asyncio.PriorityQueue()
    for x in [(3, "c"), (1, "a"), (2, "b")]:
        pq.put_nowait(x)
    print(pq)
    print([pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for x in range(3):
        await lq.put(x)
    print(lq, [await lq.get() for _ in range(3)])
    getter = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    print(q)
    getter.cancel()
    await asyncio.sleep(0)
    print(q, getter.cancelled())

asyncio.run(main())
