# dir() of classes and instances lists what CPython's object defines (__class__, __lt__, ...),
# __dict__/__weakref__ unless every class has __slots__, slot names, and obeys __dir__.
class A:
    x = 1
    def m(self): pass
print(dir(A))
a = A(); a.y = 2
print(dir(a))
print(dir(object))
class S:
    __slots__ = ("a",)
class S2(S): pass
class E(Exception): pass
class Dd:
    def __dir__(self):
        return ["zeta", "alpha"]
print(dir(S), "__dict__" in dir(S2), "__weakref__" in dir(S()), [n for n in dir(E) if n in ("__dict__", "__doc__", "__module__")], dir(Dd()))
print([n for n in dir(A()) if not n.startswith("_")])
