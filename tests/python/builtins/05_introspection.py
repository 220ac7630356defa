# type, isinstance, issubclass, hasattr/getattr/setattr/delattr, callable, id-free checks.
class A:
    x = 1
    def m(self):
        return "m"
class B(A):
    pass
b = B()
print(type(b) is B, type(b) == A, isinstance(b, A), isinstance(b, (str, A)), issubclass(B, A))
print(type(1), type("s"), type(1.0), type(None), type([]), type(type), type(A), type(b.m).__name__)
print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)))
print(isinstance("s", str), isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(None, type(None)))
print(hasattr(b, "x"), hasattr(b, "m"), hasattr(b, "zz"), hasattr(A, "m"), hasattr(1, "real"))
print(getattr(b, "x"), getattr(b, "zz", "default"), getattr(b, "m")(), getattr(A, "x"))
try:
    getattr(b, "zz")
except AttributeError as e:
    print("AttributeError:", e)
setattr(b, "y", 5)
print(b.y, getattr(b, "y"))
delattr(b, "y")
print(hasattr(b, "y"))
try:
    delattr(b, "y")
except AttributeError as e:
    print("AttributeError:", e)
print(callable(b), callable(b.m), callable(A), callable(print), callable("s"), callable(lambda: 0))
print(type("Dyn", (A,), {"z": 3})().z, type("Dyn", (), {}).__name__)
print(hash(1) == hash(1.0), hash("a") == hash("a"), hash((1, "a")) == hash((1, "a")))
x = [1, 2]
y = x
print(id(x) == id(y), x is y)
print(isinstance(A, type), issubclass(type, object), issubclass(object, type))
try:
    issubclass(b, A)
except TypeError as e:
    print("TypeError:", e)
print(vars(b), b.__class__.__name__, B.__name__, B.__bases__[0].__name__)
