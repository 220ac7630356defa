# Queue is FIFO, LifoQueue is LIFO, PriorityQueue pops the smallest item first.
import asyncio


def show(obj):
    """repr() without the memory address, which changes from run to run."""
    out = []
    for word in repr(obj).split(" "):
        if word.startswith("0x"):
            out.pop()                    # the "at" before the address
            if word.endswith(">"):
                out[-1] += ">"
            continue
        out.append(word)
    return " ".join(out)


async def main():
    for cls in (asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue):
        q = cls()
        for item in (3, 1, 4, 1, 5, 9, 2, 6):
            q.put_nowait(item)
        out = [q.get_nowait() for _ in range(q.qsize())]
        print(cls.__name__, out)
    pq = asyncio.PriorityQueue()
    for entry in ((2, "write"), (1, "read"), (2, "append"), (0, "urgent")):
        await pq.put(entry)
    while not pq.empty():
        print(await pq.get())
    q = asyncio.Queue(maxsize=2)
    print(show(q), q.maxsize, q.empty(), q.full())
    q.put_nowait("a")
    q.put_nowait("b")
    print(q.full(), q.qsize())
    try:
        q.put_nowait("c")
    except asyncio.QueueFull:
        print("QueueFull", repr(asyncio.QueueFull()))


asyncio.run(main())
