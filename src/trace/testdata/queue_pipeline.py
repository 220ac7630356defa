import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print('put', i)
    await q.put(None)

async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            break
        await asyncio.sleep(0.1)
        total += item
        print('got', item)
    return total

async def main():
    q = asyncio.Queue(maxsize=1)
    c = asyncio.create_task(consumer(q))
    p = asyncio.create_task(producer(q, 4))
    await p
    print('total', await c)

asyncio.run(main())
