import functools
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print(f"calling {fn.__name__}{args}{kwargs}")
        return fn(*args, **kwargs)
    return wrapper
@deco
def add(a, b=2, *, c=3):
    "Add things."
    return a + b + c
print(add(1), add(1, 5, c=0), add.__name__, add.__doc__, add.__wrapped__.__name__, add.__qualname__)
def repeat(n):
    def outer(fn):
        def inner(*a):
            return [fn(*a) for _ in range(n)]
        return inner
    return outer
@repeat(3)
def hi(x):
    return x * 2
print(hi(4), hi.__name__)
def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c = counter()
print(c(), c(), c(5), c.__closure__[0].cell_contents)
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def kw(a, /, b, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(kw(1, 2, 3, 4, c=5, e=6), kw(1, b=2, c=3))
try:
    kw(a=1, b=2, c=3)
except TypeError as e:
    print(e)
try:
    kw(1, 2)
except TypeError as e:
    print(e)
try:
    kw(1, 2, c=1, b=3)
except TypeError as e:
    print(e)
first, *middle, last = range(6)
print(first, middle, last)
(a, b), c = (1, 2), 3
print(a, b, c)
print(*[1, 2], *"ab", sep="-")
d = {**{"a": 1}, "b": 2, **{"a": 3}}
print(d)
if (n := len(d)) > 1:
    print("n =", n)
print([y for x in range(5) if (y := x * x) % 2])
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 0))
p = functools.partial(kw, 1, c=9)
print(p(2), p.func.__name__, p.args, p.keywords)
@functools.lru_cache(maxsize=2)
def sq(x):
    print("compute", x)
    return x * x
print(sq(2), sq(2), sq(3), sq(4), sq(2), sq.cache_info())
@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), fib.cache_info())
print(add.__defaults__ if hasattr(add, "__defaults__") else None, add.__wrapped__.__defaults__, add.__wrapped__.__kwdefaults__)
def annotated(x: int, y: "str" = "a") -> bool:
    pass
print(annotated.__name__)
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))
print(sorted([(2, "b"), (1, "z"), (2, "a")], key=lambda t: (-t[0], t[1])))
print(functools.cmp_to_key(lambda a, b: b - a)(3) < functools.cmp_to_key(lambda a, b: b - a)(4))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
def gen_defaults(x=[]):
    x.append(1)
    return x
print(gen_defaults(), gen_defaults())
print((lambda: (yield))().__class__.__name__)
