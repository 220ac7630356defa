# Function objects: names, defaults evaluated once, attributes, docstrings.
def documented(a, b=1):
    """Adds things."""
    return a + b
print(documented.__name__, documented.__doc__, documented.__defaults__)
def no_doc():
    pass
print(no_doc.__doc__)
import time
def stamp(x=[]):
    x.append(len(x))
    return x
print(stamp(), stamp(), stamp([9]))
counter = 0
def next_default():
    global counter
    counter += 1
    return counter
def uses_default(v=next_default()):
    return v
print(uses_default(), uses_default(), counter)
documented.custom = "attr"
print(documented.custom, getattr(documented, "missing", "none"))
print(type(documented).__name__, callable(documented))
funcs = {"doc": documented, "nodoc": no_doc}
print(sorted(funcs), funcs["doc"](2))
def outer():
    def inner():
        pass
    return inner
print(outer().__name__, outer().__qualname__)
class K:
    def method(self):
        pass
print(K.method.__name__, K.method.__qualname__)
print(documented(b=5, a=1), documented(*[1], **{"b": 2}))
lam = lambda: 0
print(lam.__name__, (lambda x=3: x)())
