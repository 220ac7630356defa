# Course classic: a round-robin scheduler for generator "tasks" using a deque.
from collections import deque


def task(name, n):
    for i in range(n):
        print(f"{name} step {i}")
        yield


def run(tasks):
    ready = deque(tasks)
    switches = 0
    while ready:
        t = ready.popleft()
        try:
            next(t)
            ready.append(t)
            switches += 1
        except StopIteration:
            pass
    return switches


print("switches:", run([task("A", 3), task("B", 1), task("C", 2)]))
