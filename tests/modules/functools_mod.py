import functools
from functools import partial, reduce, wraps, lru_cache, cache, total_ordering, cmp_to_key, cached_property, update_wrapper

def power(base, exp, *, mod=None):
    r = base ** exp
    return r % mod if mod else r
square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=5)
print(square(7), cube_mod(4), square.func is power, square.args, square.keywords)
p1 = partial(power, 2)
p2 = partial(p1, 10)
print(p2(), p2.args, p2.func is power, type(p2).__name__, hasattr(p2, "__qualname__"))
r = repr(partial(max, 1, key=abs))
print(r)
print(partial(int, base=2)("1010"), list(map(partial(pow, 2), range(5))))
try:
    partial(5)
except TypeError as e:
    print("TypeError", e)

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1), reduce(max, "hello"))
def gen():
    for i in range(4):
        print("  gen", i)
        yield i
print(reduce(lambda a, b: (print("  add", a, b), a + b)[1], gen()))
for bad in [lambda: reduce(max, []), lambda: reduce(max, 5)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)

def deco(f):
    @wraps(f)
    def wrapper(*a, **k):
        """wrapper doc"""
        return f(*a, **k) * 10
    return wrapper
@deco
def add(a, b):
    """Add two numbers."""
    return a + b
add.extra = 1
print(add(1, 2), add.__name__, add.__doc__, add.__wrapped__.__name__, add.__qualname__, add.__module__)
def nodoc():
    pass
def w2():
    "has doc"
update_wrapper(w2, nodoc)
print(w2.__name__, w2.__doc__, w2.__wrapped__ is nodoc)

calls = []
@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), len(calls), fib.cache_info())
@lru_cache(maxsize=2)
def sq(x):
    print("  computing", x)
    return x * x
print(sq(1), sq(2), sq(1), sq(3), sq(2), sq(1))
print(sq.cache_info(), sq.__name__, sq.cache_parameters())
sq.cache_clear()
print(sq.cache_info())
@lru_cache
def ident(x, y=0):
    return (x, y)
print(ident(1), ident(1), ident(1, y=2), ident(x=1), ident.cache_info())
@cache
def fact(n):
    return n * fact(n - 1) if n else 1
print(fact(10), fact.cache_info())

class Calc:
    def __init__(self, k):
        self.k = k
    @lru_cache(maxsize=16)
    def times(self, x):
        print("  times", self.k, x)
        return self.k * x
c = Calc(3)
print(c.times(2), c.times(2), Calc(4).times(2))

@total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
    def __repr__(self):
        return f"V{self.n}"
a, b = Version(1), Version(2)
print(a < b, a <= b, a > b, a >= b, b >= a, a <= Version(1), sorted([b, a, Version(0)]), max(a, b))
@total_ordering
class G:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return self.n == o.n
    def __ge__(self, o):
        return self.n >= o.n
print(G(1) < G(2), G(2) <= G(2), G(3) > G(2))
try:
    @total_ordering
    class Bad:
        pass
except ValueError as e:
    print("ValueError", e)

def compare(x, y):
    return (x > y) - (x < y)
def by_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return compare(a, b)
print(sorted(["pear", "fig", "apple", "kiwi"], key=cmp_to_key(by_len_then_alpha)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
k = cmp_to_key(compare)
print(k(1) < k(2), k(2) == k(2), k(5).obj)

class Circle:
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        print("  computing area")
        return 3 * self.r * self.r
ci = Circle(2)
print(ci.area, ci.area, "area" in ci.__dict__)
del ci.area
print(ci.area)
