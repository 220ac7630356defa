# Class decorators, classes with __call__ used as decorators, and callable instances in maps.
registry = {}
def register(cls):
    registry[cls.__name__.lower()] = cls
    return cls
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
@register
@add_repr
class User:
    def __init__(self, name, admin=False):
        self.name = name
        self.admin = admin
@register
class Group:
    pass
print(sorted(registry), User("ann"), registry["user"]("bob", True))
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.fn(*args, **kwargs)
@CountCalls
def square(x):
    return x * x
print([square(i) for i in range(4)], square.calls, type(square).__name__)
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return x * self.k
print(list(map(Multiplier(3), [1, 2, 3])), sorted([3, 1, 2], key=Multiplier(-1)))
class Memo:
    def __init__(self, fn):
        self.fn, self.cache = fn, {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))
def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get
@singleton
class Conn:
    def __init__(self, url):
        self.url = url
print(Conn("a").url, Conn("b").url, Conn("c") is Conn("d"))
