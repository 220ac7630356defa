# Decorators with closure state: memoization, rate limits, call logs.
def memoize(fn):
    cache = {}
    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    wrapper.cache = cache
    return wrapper
calls = []
@memoize
def slow_square(n):
    calls.append(n)
    return n * n
print(slow_square(4), slow_square(4), slow_square(5), calls, sorted(slow_square.cache))
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
def limit(max_calls):
    def deco(fn):
        count = 0
        def wrapper(*a):
            nonlocal count
            if count >= max_calls:
                return "limit reached"
            count += 1
            return fn(*a)
        return wrapper
    return deco
@limit(2)
def ping():
    return "pong"
print(ping(), ping(), ping())
def logged(prefix):
    log = []
    def deco(fn):
        def wrapper(*a):
            log.append(f"{prefix}:{fn.__name__}{a}")
            return fn(*a)
        wrapper.log = log
        return wrapper
    return deco
@logged("A")
def f(x):
    return x
@logged("B")
def g(x, y):
    return x + y
f(1); g(2, 3); f(4)
print(f.log, g.log)
def once(fn):
    done = False
    result = None
    def wrapper():
        nonlocal done, result
        if not done:
            result = fn()
            done = True
        return result
    return wrapper
@once
def init():
    print("initializing")
    return 42
print(init(), init())
