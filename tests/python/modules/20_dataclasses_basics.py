# @dataclass: generated __init__/__repr__/__eq__, defaults, default_factory, __post_init__.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass


@dataclass
class Point:
    x: int
    y: int = 0


@dataclass
class Inventory:
    owner: str
    items: list = field(default_factory=list)
    counts: dict = field(default_factory=dict, repr=False)
    total: int = field(init=False, default=0)

    def __post_init__(self):
        self.total = len(self.items)


p = Point(1)
print(p, Point(1, 2), Point(y=3, x=4), repr(Point(-1, -2)))
print(p == Point(1, 0), p == Point(1, 1), p != Point(2), p == (1, 0))
inv = Inventory("ann", ["a", "b"])
print(inv, inv.total, inv.counts)
a, b = Inventory("x"), Inventory("y")
a.items.append(1)
print(a.items, b.items, a.items is b.items)
print([f.name for f in fields(Inventory)], [f.init for f in fields(Inventory)])
print(asdict(inv), astuple(Point(5, 6)))
print(replace(p, y=9), p)
print(is_dataclass(Point), is_dataclass(p), is_dataclass(int), is_dataclass(3))
print(Point.__doc__)
print(Point.__match_args__, Point.__dataclass_fields__["y"].default)


@dataclass
class Nested:
    where: Point
    path: list = field(default_factory=lambda: [Point(0, 0)])


n = Nested(Point(1, 2))
print(n)
print(asdict(n))


@dataclass(repr=False, eq=False)
class Plain:
    v: int = 1


print(Plain().v, Plain() == Plain(), "Plain object at" in repr(Plain()))


@dataclass
class Base:
    a: int
    b: str = "b"


@dataclass
class Derived(Base):
    c: float = 1.5
    b: str = "override"


print(Derived(1), Derived(2, "x", 3.0), [f.name for f in fields(Derived)])
print(Derived(1) == Base(1, "override"))
