import heapq
from collections import deque

# A tiny event loop with Futures and Tasks, built on generators:
# the same ideas asyncio is made of.

clock = 0.0
ready = deque()
timers = []
seq = 0


class Future:
    def __init__(self):
        self.done = False
        self.result = None
        self.callbacks = []

    def set_result(self, value):
        self.done = True
        self.result = value
        for cb in self.callbacks:
            ready.append(cb)

    def __iter__(self):
        if not self.done:
            yield self  # suspend the task until the result arrives
        return self.result


def sleep(delay):
    global seq
    f = Future()
    seq += 1
    heapq.heappush(timers, (clock + delay, seq, f))
    return (yield from f)


class Task(Future):
    def __init__(self, gen):
        super().__init__()
        self.gen = gen
        ready.append(self.step)

    def step(self):
        try:
            fut = self.gen.send(None)
        except StopIteration as e:
            self.set_result(e.value)
            return
        fut.callbacks.append(self.step)


def run():
    global clock
    while ready or timers:
        if not ready:
            clock, _, f = heapq.heappop(timers)
            f.set_result(None)
        while ready:
            ready.popleft()()


def worker(name, delay):
    print(f"{clock:.1f} {name} starts")
    yield from sleep(delay)
    print(f"{clock:.1f} {name} woke up")
    return name * 2


def main():
    a = Task(worker("a", 2))
    b = Task(worker("b", 1))
    print("results:", (yield from a), (yield from b))


Task(main())
run()
