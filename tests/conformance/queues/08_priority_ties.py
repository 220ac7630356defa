# PriorityQueue compares whole items: ties fall through to the next field, and
# incomparable payloads raise TypeError (use a counter as tie-breaker).
import asyncio
import itertools


class Job:
    def __init__(self, name):
        self.name = name


async def main():
    q = asyncio.PriorityQueue()
    q.put_nowait((1, Job("a")))
    try:
        q.put_nowait((1, Job("b")))
    except TypeError as e:
        print("TypeError:", e)
    q = asyncio.PriorityQueue()
    counter = itertools.count()
    for prio, name in ((2, "write"), (1, "read"), (2, "flush"), (1, "stat")):
        q.put_nowait((prio, next(counter), Job(name)))
    while not q.empty():
        prio, n, job = q.get_nowait()
        print(prio, n, job.name)


asyncio.run(main())
