# Decorators: plain, with arguments, stacked, on methods, preserving names via functools.wraps.
import functools
def loud(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper
@loud
def add(a, b):
    return a + b
add(1, b=2)
print(add.__name__)
def repeat(times):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("x"), hello.__name__)
def tag(name):
    def deco(fn):
        def wrapper():
            return f"<{name}>{fn()}</{name}>"
        return wrapper
    return deco
@tag("b")
@tag("i")
def text():
    return "content"
print(text())
registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn
@register
def one():
    pass
@register
def two():
    pass
print(registry, one())
def count_calls(fn):
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    return wrapper
@count_calls
def noop(x):
    return x
noop(1); noop(2); noop(3)
print(noop.calls)
def method_trace(fn):
    def wrapper(self, *args):
        print("method", fn.__name__, type(self).__name__, args)
        return fn(self, *args)
    return wrapper
class Service:
    @method_trace
    def work(self, n):
        return n * 2
print(Service().work(21))
deco_expr = [loud]
@deco_expr[0]
def indexed():
    return "ok"
indexed()
