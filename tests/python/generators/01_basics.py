# Generator basics: lazy execution, state between yields, return ends iteration.
def gen():
    print("start")
    yield 1
    print("between")
    yield 2
    print("end")
g = gen()
print(type(g).__name__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(next(g, "exhausted"))
def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(list(countdown(5)), sum(countdown(100)), list(countdown(0)))
def with_return():
    yield "a"
    return "result"
    yield "never"
print(list(with_return()))
g = with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, e.args)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def empty():
    return
    yield
print(list(empty()))
def yield_expr_value():
    x = yield
    print("got", x)
g = yield_expr_value()
print(next(g))
try:
    g.send("sent")
except StopIteration:
    print("done after send")
for i, v in enumerate(countdown(3)):
    print(i, v)
print(list(zip(countdown(3), fib())))
def infinite():
    i = 0
    while True:
        yield i
        i += 1
for v in infinite():
    if v > 3:
        break
print("broke at", v)
