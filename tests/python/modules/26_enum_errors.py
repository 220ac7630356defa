# enum errors: CPython 3.11's messages for bad lookups, reassignment, extension, duplicates.
from enum import Enum, unique


class Color(Enum):
    RED = 1
    GREEN = 2


def attempt(label, fn):
    try:
        print(label, "->", fn())
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")


def reassign():
    Color.RED = 5


def delete():
    del Color.GREEN


def extend():
    class More(Color):
        BLUE = 3


def duplicates():
    @unique
    class Bad(Enum):
        A = 1
        B = 1
        C = 2
        D = 2


attempt("bad value", lambda: Color(7))
attempt("bad name", lambda: Color["PURPLE"])
attempt("reassign", reassign)
attempt("delete", delete)
attempt("extend", extend)
attempt("unique", duplicates)
attempt("compare", lambda: Color.RED < Color.GREEN)
attempt("value attr", lambda: Color.RED.value + 1)
attempt("new member attr", lambda: setattr(Color, "extra", 1) or Color.extra)


class Empty(Enum):
    pass


class Sub(Empty):
    X = 1


print(list(Sub), Sub.X, len(Empty))
