# Generator return values through yield from chains, and gi_running/gi_frame-free state checks.
def leaf(n):
    total = 0
    for i in range(n):
        total += yield i
    return total
def middle():
    a = yield from leaf(2)
    b = yield from leaf(3)
    return a, b
def top():
    result = yield from middle()
    yield f"top saw {result}"
g = top()
out = [next(g)]
try:
    while True:
        out.append(g.send(len(out)))
except StopIteration:
    pass
print(out)
def early_return(flag):
    if flag:
        return "early"
    yield "not early"
    return "late"
for flag in (True, False):
    g = early_return(flag)
    got = []
    while True:
        try:
            got.append(next(g))
        except StopIteration as e:
            got.append(("return", e.value))
            break
    print(flag, got)
def gen_in_try():
    try:
        yield 1
        return "from try"
    finally:
        print("finally before StopIteration")
g = gen_in_try()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value", e.value)
def tuple_return():
    yield
    return 1, 2
g = tuple_return()
next(g)
try:
    g.send(None)
except StopIteration as e:
    print(e.value, e.args)
def none_return():
    yield
    return None
g = none_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print(e.value, e.args)
