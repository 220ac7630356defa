from typing import NamedTuple, TypedDict, Generic, TypeVar
class Pt(NamedTuple):
    """A point."""
    x: int
    y: float = 0.0
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __str__(self):
        return f"<{self.x}, {self.y}>"
p = Pt(3, 4)
print(p, repr(p), p.norm(), Pt(1), Pt._fields, Pt._field_defaults, Pt.__annotations__, Pt.__doc__)
print(isinstance(p, tuple), Pt.__name__, Pt.__qualname__, Pt.__module__, Pt.__bases__, p._replace(x=0))
x, y = p; print(x, y, p[0], len(p), p == (3, 4))
E = NamedTuple("E", [("a", int), ("b", str)]); print(E(1, "s"))
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print(e)
class Movie(TypedDict):
    title: str
    year: int
class M2(Movie, total=False):
    rating: float
m = Movie(title="x", year=1)
print(m, type(m), Movie.__annotations__, sorted(M2.__required_keys__), sorted(M2.__optional_keys__), M2.__total__)
M3 = TypedDict("M3", {"a": int})
print(M3(a=1), M3.__annotations__)
T = TypeVar("T")
class Box(Generic[T]):
    pass
print(Box.__bases__, Box().__class__.__name__)
