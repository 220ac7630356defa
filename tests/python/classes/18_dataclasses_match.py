from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
from typing import Optional, List

@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    tags: List[str] = field(default_factory=list, compare=False, repr=False)

jobs = [Job(3, "c"), Job(1, "a"), Job(2, "b")]
print(sorted(jobs))
print(Job(1, "x") == Job(1, "y"), Job(1, "x") < Job(2, "a"))
print(asdict(jobs[0]), astuple(jobs[1]))
print(replace(jobs[0], priority=9))
print([f.name for f in fields(Job)])

@dataclass(frozen=True)
class P:
    x: float
    y: float = 0.0
    def dist(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
p = P(3, 4)
print(p, p.dist(), hash(p) == hash(P(3, 4)))
try:
    p.x = 1
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)

@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
    parent: Optional["Node"] = field(default=None, repr=False)
    def __post_init__(self):
        if self.value < 0:
            raise ValueError("negative")
n = Node(1)
n.children.append(Node(2, parent=n))
print(n)
try:
    Node(-1)
except ValueError as e:
    print("ValueError", e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e:
    print("ValueError:", e)
try:
    Job()
except TypeError as e:
    print("TypeError:", e)

@dataclass
class Inv:
    name: str
    qty: int = 0
    price: float = 0.0
    @property
    def total(self):
        return self.qty * self.price
i = Inv("pen", 3, 1.25)
print(i, i.total, Inv.__match_args__)
match i:
    case Inv(name, qty=0):
        print("empty", name)
    case Inv(name, q) if q > 2:
        print("many", name, q)
@dataclass(slots=True)
class S:
    a: int
    b: int = 2
print(S(1), S.__slots__)
@dataclass(kw_only=True)
class K:
    a: int
    b: int = 0
print(K(a=1))
try:
    K(1)
except TypeError as e:
    print("TypeError:", e)
