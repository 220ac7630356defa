# Infinite lazy sequences composed from generators.
def naturals(start=1):
    n = start
    while True:
        yield n
        n += 1
def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
def gen_filter(pred, it):
    for x in it:
        if pred(x):
            yield x
def gen_map(fn, it):
    for x in it:
        yield fn(x)
def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
print(take(10, primes()))
print(take(5, gen_map(lambda x: x * x, gen_filter(lambda x: x % 3 == 0, naturals()))))
def triangular():
    total = 0
    for n in naturals():
        total += n
        yield total
print(take(8, triangular()))
def interleave(a, b):
    while True:
        yield next(a)
        yield next(b)
print(take(7, interleave(naturals(100), naturals(-5))))
def scan(fn, it, init):
    acc = init
    yield acc
    for x in it:
        acc = fn(acc, x)
        yield acc
print(take(6, scan(lambda a, b: a * b, naturals(), 1)))
def hailstone(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1
print(list(hailstone(7)), max(hailstone(27)), len(list(hailstone(97))))
def unique(it):
    seen = set()
    for x in it:
        if x not in seen:
            seen.add(x)
            yield x
print(list(unique([3, 1, 3, 2, 1, 4, 2])))
