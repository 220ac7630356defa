# Who wakes first: Lock, Event, Condition, Semaphore, Queue (FIFO, priority, LIFO).
import asyncio


async def locker(lock, name, log, hold=0.1):
    async with lock:
        log.append(name)
        await asyncio.sleep(hold)


async def main():
    log = []
    lock = asyncio.Lock()
    tasks = [asyncio.create_task(locker(lock, f"L{i}", log)) for i in range(4)]
    await asyncio.sleep(0)
    print(lock.locked(), "waiters:", len(lock._waiters))
    tasks[2].cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print("lock order:", log)

    ev = asyncio.Event()

    async def waiter(i):
        await ev.wait()
        log.append(f"E{i}")

    log.clear()
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    ev.set()
    await asyncio.gather(*ws)
    print("event order:", log, ev.is_set())

    cond = asyncio.Condition()

    async def cwait(i):
        async with cond:
            await cond.wait()
            log.append(f"C{i}")

    log.clear()
    cs = [asyncio.create_task(cwait(i)) for i in range(4)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*cs)
    print("condition order:", log)

    sem = asyncio.Semaphore(2)

    async def sworker(i):
        async with sem:
            log.append(f"S{i}+")
            await asyncio.sleep(0.1 * (3 - i % 3))
            log.append(f"S{i}-")

    log.clear()
    await asyncio.gather(*(sworker(i) for i in range(5)))
    print("semaphore:", log)
    b = asyncio.BoundedSemaphore(1)
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)

    q = asyncio.Queue(maxsize=2)

    async def producer(name, n):
        for i in range(n):
            await q.put(f"{name}{i}")
            log.append(f"put {name}{i}")

    async def consumer(name, n):
        for _ in range(n):
            item = await q.get()
            log.append(f"{name} got {item}")
            q.task_done()

    log.clear()
    await asyncio.gather(consumer("c1", 3), producer("p", 3), producer("r", 3), consumer("c2", 3))
    await q.join()
    print("\n".join(log))
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 1, 3]:
        pq.put_nowait(x)
    lq = asyncio.LifoQueue()
    for x in "abc":
        lq.put_nowait(x)
    print([pq.get_nowait() for _ in range(5)], [lq.get_nowait() for _ in range(3)])
    try:
        asyncio.Queue(1).get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q1 = asyncio.Queue(1)
    q1.put_nowait(1)
    try:
        q1.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull", q1.qsize(), q1.full(), q1.empty())


asyncio.run(main())
