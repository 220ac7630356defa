import heapq
import time
from collections import deque

class Future:
    def __init__(self):
        self.result = None
        self._callbacks = []
    def add_done_callback(self, fn):
        self._callbacks.append(fn)
    def set_result(self, result):
        self.result = result
        for fn in self._callbacks:
            fn(self)
    def __iter__(self):
        yield self
        return self.result

class Task:
    def __init__(self, loop, coro):
        self.loop = loop
        self.coro = coro
        loop.call_soon(self.step, None)
    def step(self, future):
        try:
            nxt = self.coro.send(None if future is None else future.result)
        except StopIteration as e:
            print("task done ->", e.value)
            return
        nxt.add_done_callback(lambda f: self.loop.call_soon(self.step, f))

class Loop:
    def __init__(self):
        self.ready = deque()
        self.timers = []
        self.now = 0.0
        self.seq = 0
    def call_soon(self, fn, *args):
        self.ready.append((fn, args))
    def call_later(self, d, fn, *args):
        self.seq += 1
        heapq.heappush(self.timers, (self.now + d, self.seq, fn, args))
    def sleep(self, d):
        f = Future()
        self.call_later(d, f.set_result, d)
        return (yield from f)
    def run(self):
        while self.ready or self.timers:
            if not self.ready:
                when, _, fn, args = heapq.heappop(self.timers)
                self.now = when
                self.ready.append((fn, args))
            fn, args = self.ready.popleft()
            fn(*args)

loop = Loop()

def worker(name, delays):
    total = 0
    for d in delays:
        got = yield from loop.sleep(d)
        total += got
        print(f"{loop.now:.1f} {name} slept {got}")
    return name, total

Task(loop, worker("A", [1, 2]))
Task(loop, worker("B", [2, 0.5, 0.5]))
loop.run()
print(f"{time.perf_counter() < 1}")
