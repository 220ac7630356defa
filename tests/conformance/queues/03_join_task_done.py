# join() waits until task_done() was called once per item.
import asyncio


async def worker(q, name, loop):
    while True:
        item = await q.get()
        await asyncio.sleep(item)
        print(f"{loop.time():.1f} {name} finished {item}")
        q.task_done()


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    print("join on an empty queue returns at once:", await q.join())
    for t in (0.5, 0.2, 0.4, 0.1):
        q.put_nowait(t)
    ws = [asyncio.create_task(worker(q, f"w{i}", loop)) for i in range(2)]
    await q.join()
    print(f"{loop.time():.1f} joined; unfinished tasks: {q._unfinished_tasks}")
    for w in ws:
        w.cancel()
    await asyncio.gather(*ws, return_exceptions=True)
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
