# The callable's name in call errors, as CPython's _PyObject_FunctionStr gives it, and
# attribute errors for objects without an instance dict.
import math
import itertools


class A:
    def m(self, *a):
        pass


for f in [print, [].append, math.sqrt, int, A, A().m, A.m, lambda *a: 0, {}.get, "x".join, object]:
    try:
        f(*5)
    except TypeError as e:
        print(e)
    try:
        f(**5)
    except TypeError as e:
        print(e)


def g(a, b):
    pass


try:
    g(1, a=2)
except TypeError as e:
    print(e)
try:
    A().m(**{"x": 1}, **{"x": 2})
except TypeError as e:
    print(e)


class Slotted:
    __slots__ = ("p",)


class Open(Slotted):
    pass


for obj in [object(), Slotted(), Open()]:
    try:
        print(type(obj.__dict__).__name__)
    except AttributeError as e:
        print(e)

# An object without a __repr__ of its own: object.__repr__ names the module.
grouper = next(itertools.groupby("aab"))[1]
print(repr(grouper).split(" at ")[0])
