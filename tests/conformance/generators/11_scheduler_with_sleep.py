# A generator scheduler with a ready deque and a sleeping heap (Beazley style).
import heapq
import itertools
import time
from collections import deque


class Scheduler:
    def __init__(self):
        self.ready = deque()
        self.sleeping = []
        self.seq = itertools.count()

    def spawn(self, gen):
        self.ready.append(gen)

    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                deadline, _, gen = heapq.heappop(self.sleeping)
                time.sleep(max(0.0, deadline - time.time()))
                self.ready.append(gen)
            gen = self.ready.popleft()
            try:
                request = next(gen)
            except StopIteration:
                continue
            if request is None:
                self.ready.append(gen)
            else:
                heapq.heappush(self.sleeping, (time.time() + request, next(self.seq), gen))


def countdown(name, n, delay):
    while n > 0:
        print(f"{time.time():.1f} {name} {n}")
        yield delay
        n -= 1
    print(f"{time.time():.1f} {name} done")


def chatty(name, n):
    for i in range(n):
        print(f"{time.time():.1f} {name} tick {i}")
        yield None


s = Scheduler()
s.spawn(countdown("A", 3, 1.0))
s.spawn(countdown("B", 2, 1.5))
s.spawn(chatty("C", 3))
s.run()
print(f"{time.time():.1f} all done")
