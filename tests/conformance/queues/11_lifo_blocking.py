# LifoQueue with blocked getters: getters are still served FIFO, items LIFO.
import asyncio


async def getter(q, name, loop):
    item = await q.get()
    print(f"{loop.time():.1f} {name} got {item}")
    q.task_done()


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.LifoQueue()
    gs = [asyncio.create_task(getter(q, f"g{i}", loop)) for i in range(2)]
    await asyncio.sleep(0.5)
    for item in ("a", "b", "c", "d"):
        q.put_nowait(item)
    await asyncio.gather(*gs)
    print("left:", [q.get_nowait() for _ in range(q.qsize())])
    for _ in range(2):
        q.task_done()
    joiners = [asyncio.create_task(q.join()) for _ in range(3)]
    await asyncio.sleep(0)
    print("joiners done:", [j.done() for j in joiners])


asyncio.run(main())
