# Lambdas, functions as values, map/filter/sorted with keys.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(5), add(1), add(1, 2), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, z=2))
print(square.__name__, add.__name__)
def compose(f, g):
    return lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(square, inc)(3), compose(inc, square)(3))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for sym in "+-*":
    print(sym, ops[sym](6, 3))
print(list(map(square, range(5))), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, 1, "", "a", None, []])))
people = [("ann", 31), ("bob", 25), ("cy", 31), ("di", 19)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: len(p[0])))
def apply_n(fn, n, x):
    for _ in range(n):
        x = fn(x)
    return x
print(apply_n(lambda v: v * 2, 10, 1), apply_n(str.upper, 1, "abc"))
funcs = [len, str.lower, abs, type]
print([fn.__name__ for fn in funcs])
def make_multiplier(k):
    return lambda x: x * k
doublers = [make_multiplier(k) for k in range(1, 4)]
print([d(10) for d in doublers])
print((lambda f: f(f, 10))(lambda self, n: 1 if n <= 1 else n * self(self, n - 1)))
print(callable(square), callable(5), callable(len), callable(type))
