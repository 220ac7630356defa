# Queue.put/get must call what a subclass or an instance overrides, in CPython's order:
# full/qsize/put_nowait/_put, empty/get_nowait/_get, and methods set on the instance.
import asyncio


class LoudQueue(asyncio.Queue):
    def full(self):
        r = super().full()
        print("full ->", r)
        return r

    def put_nowait(self, item):
        print("put_nowait", item)
        return super().put_nowait(item)

    def empty(self):
        r = super().empty()
        print("empty ->", r)
        return r

    def get_nowait(self):
        item = super().get_nowait()
        print("get_nowait ->", item)
        return item


class ReturnsQueue(asyncio.Queue):
    def put_nowait(self, item):
        super().put_nowait(item)
        return "stored " + str(item)

    def _get(self):
        return self._queue.pop()


class SizeQueue(asyncio.Queue):
    def qsize(self):
        n = super().qsize()
        print("qsize ->", n)
        return n


async def main():
    q = LoudQueue(maxsize=1)
    await q.put("a")
    print(await q.get())
    consumer = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    await q.put("b")
    print(await consumer)

    r = ReturnsQueue()
    print(await r.put(1), await r.put(2))
    print(await r.get(), await r.get())

    s = SizeQueue(maxsize=2)
    await s.put("x")
    print(await s.get())

    plain = asyncio.Queue()
    plain.full = lambda: print("instance full") or False
    plain.get_nowait = lambda: "from the instance"
    await plain.put(7)
    print(await plain.get(), plain.qsize())
    del plain.get_nowait
    print(await plain.get(), plain.qsize())

    lifo = asyncio.LifoQueue(maxsize=3)
    prio = asyncio.PriorityQueue()
    for i in (3, 1, 2):
        await lifo.put(i)
        await prio.put(i)
    print([await lifo.get() for _ in range(3)], [await prio.get() for _ in range(3)])

    waiter = asyncio.create_task(plain.get())
    await asyncio.sleep(0)
    await plain.put("late")
    print(await waiter, plain._unfinished_tasks)


asyncio.run(main())
