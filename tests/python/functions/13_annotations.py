def f(x: int, y: "str" = "a", *args: float, z: list = None, **kw: dict) -> str:
    return x
print(f.__annotations__)
def g(a, b): pass
print(g.__annotations__)
lam = lambda q: q
print(lam.__annotations__)
class C:
    a: int = 1
    b: str
    def m(self, v: int) -> None: pass
print(C.__annotations__, C.m.__annotations__)
x: int = 5
y: float
print(__annotations__)
def h() -> 'list[int]': pass
print(h.__annotations__)
print(f.__dict__, g.__dict__)
g.__annotations__ = {"a": 1}
print(g.__annotations__)
try:
    g.__annotations__ = 5
except TypeError as e:
    print(type(e).__name__, e)
class K:
    def __m(self, __p: int, q: "__Q") -> "K": pass
print(K._K__m.__annotations__)
import functools
@functools.wraps(f)
def w(*a): pass
print(w.__annotations__)
def order():
    print("side effect")
    return int
def j(a: order(), *, b: order()) -> order(): pass
print(j.__annotations__)
