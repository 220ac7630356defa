# Old-style generator coroutines: a pipeline of send()-driven stages with priming.
def coroutine(fn):
    def start(*args, **kwargs):
        g = fn(*args, **kwargs)
        next(g)
        return g
    return start
@coroutine
def printer(prefix):
    while True:
        item = yield
        print(prefix, item)
@coroutine
def filter_stage(pred, target):
    while True:
        item = yield
        if pred(item):
            target.send(item)
@coroutine
def mapper(fn, target):
    try:
        while True:
            target.send(fn((yield)))
    except GeneratorExit:
        print("mapper closing")
        target.close()
sink = printer("out:")
pipe = mapper(lambda x: x * x, filter_stage(lambda x: x % 2 == 1, sink))
for i in range(6):
    pipe.send(i)
pipe.close()
@coroutine
def running_max():
    best = None
    while True:
        v = yield best
        if best is None or v > best:
            best = v
rm = running_max()
print([rm.send(v) for v in [3, 1, 4, 1, 5, 9, 2, 6]])
@coroutine
def grep(pattern):
    print(f"looking for {pattern!r}")
    try:
        while True:
            line = yield
            if pattern in line:
                print("match:", line)
    finally:
        print("grep done")
g = grep("py")
for line in ["python", "rust", "pypy", "go"]:
    g.send(line)
g.close()
