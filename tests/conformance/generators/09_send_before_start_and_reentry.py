# Misusing generators: sending into a fresh generator, re-entering a running one.
def gen():
    yield 1


g = gen()
try:
    g.send(5)
except TypeError as e:
    print("TypeError:", e)
print(g.send(None))


def reentrant():
    yield next(me)


me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

it = iter([1, 2, 3])
print(next(it), list(it), next(it, "default"))


def counter():
    i = 0
    while True:
        i += 1
        yield i


c = counter()
print([next(c) for _ in range(3)], type(c).__name__, c.__name__)
import itertools
print(list(itertools.islice(counter(), 2, 5)))
