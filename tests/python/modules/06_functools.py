# functools: reduce, partial, lru_cache, cache, wraps, cmp_to_key, total_ordering.
import functools
from functools import reduce, partial
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 1), reduce(max, [3, 9, 2]))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)
print(reduce(lambda acc, x: acc + [x * 2], [1, 2], []))
base2 = partial(int, base=2)
print(base2("1010"), base2("11"))
def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
cube_of_2 = partial(power, 2)
print(square(7), cube_of_2(3), square.func.__name__, square.keywords, cube_of_2.args)
calls = []
@functools.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), len(calls), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
@functools.lru_cache(maxsize=2)
def ident(x):
    calls.append(("ident", x))
    return x
calls.clear()
for v in [1, 2, 1, 3, 1, 2]:
    ident(v)
print(calls, ident.cache_info())
@functools.cache
def slow(n):
    print("computing", n)
    return n * 10
print(slow(3), slow(3), slow(4))
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: cmp(b, a))))
print(sorted(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda a, b: len(a) - len(b))))
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a):
        return fn(*a)
    return wrapper
@deco
def documented():
    """doc here"""
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
