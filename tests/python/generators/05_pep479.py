# PEP 479: StopIteration raised inside a generator becomes RuntimeError.
def leaky():
    yield 1
    raise StopIteration("leaked")
g = leaky()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def uses_next(it):
    while True:
        yield next(it)
try:
    print(list(uses_next(iter([1, 2]))))
except RuntimeError as e:
    print("RuntimeError:", e)
def safe_next(it):
    while True:
        try:
            yield next(it)
        except StopIteration:
            return
print(list(safe_next(iter([1, 2]))))
def finished():
    yield 1
f = finished()
print(list(f), list(f))
def gen_with_return_value():
    yield
    return 5
g = gen_with_return_value()
next(g)
try:
    next(g)
except StopIteration as e:
    print("return value via StopIteration:", e.value)
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
print(list(It()))
def wraps_iterator():
    yield from It()
print(list(wraps_iterator()))
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
