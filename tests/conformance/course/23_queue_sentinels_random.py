import asyncio
import random

async def producer(q, n, name):
    for i in range(n):
        await asyncio.sleep(random.random() / 10)
        item = f"{name}-{i}"
        await q.put(item)
        print(f"生产者 {name} 放入 {item!r}, 队列大小={q.qsize()}")
    await q.put(None)

async def consumer(q, cid, done):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            print(f"消费者{cid} 收到哨兵，退出")
            break
        await asyncio.sleep(0.05)
        done.append(item)
        print(f"消费者{cid} 处理 {item:<6}|")
        q.task_done()

async def main():
    random.seed(1)
    q = asyncio.Queue(maxsize=2)
    done = []
    prods = [asyncio.create_task(producer(q, 3, n)) for n in "AB"]
    cons = [asyncio.create_task(consumer(q, i, done)) for i in range(2)]
    await asyncio.gather(*prods)
    await q.join()
    await asyncio.gather(*cons)
    print(sorted(done), len(done))
    print(q.empty(), q.full(), q)

asyncio.run(main())
