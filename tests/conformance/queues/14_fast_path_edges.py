# Queue fast paths must step aside for subclasses, patched instances and odd counts; timers with
# equal deadlines keep their order.
import asyncio

class LQ(asyncio.Queue):
    def _put(self, item):
        print("put", item)
        super()._put(item)

async def main():
    q = asyncio.Queue()
    await q.put(1); await q.put(2)
    print(q.qsize(), await q.get())
    q.task_done(); q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("VE", e)
    await q.join()
    print("joined")
    lq = LQ(maxsize=2)
    await lq.put("a")
    print(await lq.get())
    q2 = asyncio.Queue()
    q2.extra = 5
    await q2.put(3)
    q2.put_nowait = lambda x: print("patched", x)
    q2.put_nowait(9)
    print(await q2.get(), q2.qsize())
    q3 = asyncio.Queue()
    q3._unfinished_tasks = 3
    q3.task_done(); print(q3._unfinished_tasks, q3._finished.is_set())
    q3.task_done(); q3.task_done(); print(q3._unfinished_tasks, q3._finished.is_set())
    q4 = asyncio.Queue(maxsize=1)
    async def cons():
        for _ in range(3):
            print("got", await q4.get())
            q4.task_done()
    t = asyncio.create_task(cons())
    for i in range(3):
        await q4.put(i)
        print("put", i, q4._finished.is_set())
    await q4.join()
    await t
    print(q4)
    h = []
    loop = asyncio.get_running_loop()
    for d in (0.3, 0.1, 0.2, 0.1):
        loop.call_later(d, h.append, d)
    await asyncio.sleep(0.5)
    print(h)
asyncio.run(main())
