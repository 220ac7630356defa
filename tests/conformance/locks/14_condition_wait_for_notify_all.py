import asyncio

async def consumer(cond, items, name):
    async with cond:
        await cond.wait_for(lambda: len(items) > 0)
        item = items.pop(0)
        print(name, "got", item, asyncio.get_running_loop().time())

async def producer(cond, items):
    for i in range(4):
        await asyncio.sleep(0.5)
        async with cond:
            items.append(i)
            if i == 2:
                cond.notify_all()
            else:
                cond.notify()
            print("produced", i)

async def main():
    cond = asyncio.Condition()
    items = []
    cs = [asyncio.create_task(consumer(cond, items, f"c{i}")) for i in range(4)]
    await producer(cond, items)
    await asyncio.wait(cs, timeout=1)
    print([c.done() for c in cs], items)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    lock = asyncio.Lock()
    c2 = asyncio.Condition(lock)
    async with lock:
        print(c2.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
