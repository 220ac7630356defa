# dataclass errors: CPython's messages for bad definitions and bad calls.
from dataclasses import dataclass, field, fields, asdict, replace


def attempt(label, fn):
    try:
        fn()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")


def mutable_default():
    @dataclass
    class Bad:
        items: list = []


def ordering():
    @dataclass
    class Bad:
        a: int = 1
        b: int


def both_defaults():
    field(default=1, default_factory=list)


def order_without_eq():
    @dataclass(order=True, eq=False)
    class Bad:
        a: int


def overwrite_lt():
    @dataclass(order=True)
    class Bad:
        a: int

        def __lt__(self, other):
            return True


def frozen_from_mutable():
    @dataclass
    class Base:
        a: int

    @dataclass(frozen=True)
    class Child(Base):
        b: int


def mutable_from_frozen():
    @dataclass(frozen=True)
    class Base:
        a: int

    @dataclass
    class Child(Base):
        b: int


@dataclass
class P:
    x: int
    y: int = 0

    @property
    def norm(self):
        return abs(self.x) + abs(self.y)


attempt("mutable default", mutable_default)
attempt("non-default after default", ordering)
attempt("both defaults", both_defaults)
attempt("order without eq", order_without_eq)
attempt("overwrite __lt__", overwrite_lt)
attempt("frozen from mutable", frozen_from_mutable)
attempt("mutable from frozen", mutable_from_frozen)
attempt("missing", lambda: P())
attempt("too many", lambda: P(1, 2, 3))
attempt("unexpected", lambda: P(1, z=2))
attempt("twice", lambda: P(1, x=2))
attempt("fields of int", lambda: fields(3))
attempt("asdict of class", lambda: asdict(P))
attempt("replace unknown", lambda: replace(P(1), z=1))
attempt("compare", lambda: P(1) < P(2))
print(P(3, -4).norm)
