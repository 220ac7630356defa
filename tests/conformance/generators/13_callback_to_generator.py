# Turning a callback API into a generator-based coroutine with a tiny Future.
import heapq
import itertools
import time

timers, seq = [], itertools.count()


def call_later(delay, fn, *args):
    heapq.heappush(timers, (time.time() + delay, next(seq), fn, args))


class Future:
    def __init__(self):
        self.callbacks, self.result, self.done = [], None, False

    def set_result(self, value):
        self.result, self.done = value, True
        for cb in self.callbacks:
            cb(self)

    def __iter__(self):
        if not self.done:
            yield self
        return self.result


def read_sensor(name, callback):         # the callback-style API
    call_later(0.2, callback, f"{name}=21.5")


def read_sensor_async(name):             # adapter: callback -> Future
    fut = Future()
    read_sensor(name, fut.set_result)
    return fut


class Task:
    def __init__(self, gen):
        self.gen = gen
        self.step(None)

    def step(self, fut):
        try:
            nxt = self.gen.send(None if fut is None else fut.result)
        except StopIteration as stop:
            print(f"{time.time():.1f} task finished: {stop.value}")
            return
        nxt.callbacks.append(self.step)


def monitor():
    readings = []
    for name in ("kitchen", "garage"):
        value = yield from read_sensor_async(name)
        print(f"{time.time():.1f} got {value}")
        readings.append(value)
    return readings


Task(monitor())
while timers:
    when, _, fn, args = heapq.heappop(timers)
    time.sleep(max(0.0, when - time.time()))
    fn(*args)
