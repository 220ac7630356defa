# Functions: defaults, keyword-only, *args/**kwargs, closures, decorators, lambdas, recursion.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, z=0))
def g(x, /, y, *, z):
    return x + y + z
print(g(1, 2, z=3), g(1, y=2, z=3))
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = make_counter()
c1(); c1(5)
print(c1(), make_counter()())
adders = [lambda v, i=i: v + i for i in range(3)]
print([a(10) for a in adders])
late = [lambda: i for i in range(3)]
print([l() for l in late])
def deco(tag):
    def wrap(fn):
        def inner(*a, **k):
            return f"<{tag}>{fn(*a, **k)}</{tag}>"
        return inner
    return wrap
@deco("b")
@deco("i")
def hello(name):
    return "hi " + name
print(hello("bob"))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20))
def apply(fn, *args, **kwargs):
    return fn(*args, **kwargs)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1], reverse=True))
args = (1, 2)
kwargs = {"c": 3}
print(f(*args, **kwargs))
print((lambda *a, **k: (a, k))(1, x=2))
def defaults_shared(x, acc=[]):
    acc.append(x)
    return acc
defaults_shared(1)
print(defaults_shared(2))
def gen_fn():
    """A docstring."""
    return 1
print(gen_fn.__name__, gen_fn.__qualname__, gen_fn.__doc__)
class K:
    def m(self):
        def local():
            pass
        return local
print(K.m.__qualname__, K().m().__qualname__)
for call in [lambda: f(), lambda: f(1, 2, 3), lambda: g(1, 2, 3), lambda: g(1, 2, z=3, w=4), lambda: f(1, a=1, c=2)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def kwonly(*, a, b):
    pass
try:
    kwonly()
except TypeError as e:
    print("TypeError:", e)
def three(a, b, c):
    pass
try:
    three()
except TypeError as e:
    print("TypeError:", e)
try:
    len(1, 2)
except TypeError as e:
    print("TypeError:", e)
x = 10
def shadow():
    print(x)
shadow()
def unbound():
    print(y)
    y = 1
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    undefined_thing
except NameError as e:
    print("NameError:", e)
print(callable(len), callable(3), callable(K))
