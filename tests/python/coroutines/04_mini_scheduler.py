# A round-robin scheduler for coroutines, built only from send() and a deque.
import types
from collections import deque
@types.coroutine
def switch():
    yield
async def task(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        await switch()
    return f"{name} finished"
def run_all(coros):
    ready = deque(coros)
    results = {}
    while ready:
        coro = ready.popleft()
        try:
            coro.send(None)
        except StopIteration as e:
            results[len(results)] = e.value
        else:
            ready.append(coro)
    return results
print(run_all([task("a", 2), task("b", 3), task("c", 1)]))
@types.coroutine
def sleep(ticks):
    yield ("sleep", ticks)
async def sleeper(name, ticks):
    print(f"{name} sleeps {ticks}")
    await sleep(ticks)
    print(f"{name} woke")
    return name
def run_timed(coros):
    now = 0
    waiting = [(0, i, c) for i, c in enumerate(coros)]
    order = []
    while waiting:
        waiting.sort(key=lambda w: (w[0], w[1]))
        when, i, coro = waiting.pop(0)
        now = when
        try:
            cmd, ticks = coro.send(None)
            waiting.append((now + ticks, i, coro))
        except StopIteration as e:
            order.append((now, e.value))
    return order
print(run_timed([sleeper("x", 3), sleeper("y", 1), sleeper("z", 2)]))
