# Closures combined with generators and classes: captured state across yields.
def make_ticker(step):
    def ticker(n):
        for i in range(n):
            yield i * step
    return ticker
by3 = make_ticker(3)
print(list(by3(4)), list(make_ticker(10)(2)))
def counter_factory():
    count = 0
    def gen():
        nonlocal count
        while True:
            count += 1
            yield count
    def peek():
        return count
    return gen, peek
gen, peek = counter_factory()
g1 = gen()
g2 = gen()
print(next(g1), next(g1), next(g2), peek())
class Handler:
    def __init__(self):
        self.callbacks = []
    def on(self, fn):
        self.callbacks.append(fn)
        return fn
    def fire(self, value):
        return [cb(value) for cb in self.callbacks]
h = Handler()
prefix = ">>"
@h.on
def shout(v):
    return prefix + str(v).upper()
@h.on
def double(v):
    return v * 2
print(h.fire("ab"))
prefix = "##"
print(h.fire("c"))
def curry(fn, arity):
    def collect(*args):
        if len(args) >= arity:
            return fn(*args[:arity])
        return lambda *more: collect(*args, *more)
    return collect
add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3), add3(1, 2, 3))
