# Fluent Python's running averager as a generator coroutine, with a "priming" decorator.
from functools import wraps


def primed(func):
    @wraps(func)
    def start(*args):
        g = func(*args)
        next(g)
        return g
    return start


@primed
def averager():
    total = count = 0
    average = None
    while True:
        term = yield average
        if term is None:
            break
        total += term
        count += 1
        average = total / count
    return count, average


avg = averager()
for v in (10, 30, 5):
    print("average:", avg.send(v))
try:
    avg.send(None)
except StopIteration as e:
    print("result:", e.value)


def grouper(results, key):
    while True:
        results[key] = yield from averager.__wrapped__()


results = {}
for key, values in {"girls;kg": [40.9, 38.5, 44.3], "boys;m": [1.38, 1.5, 1.32]}.items():
    group = grouper(results, key)
    next(group)
    for v in values:
        group.send(v)
    group.send(None)
for key, (count, average) in sorted(results.items()):
    print(f"{count:2} {key:8} averaging {average:.2f}")
