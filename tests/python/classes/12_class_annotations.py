# Class and module __annotations__: annotated names are recorded in order, values are assigned.
x: int = 5
y: "str"
print(__annotations__)


class Point:
    x: int
    y: int = 0
    label: str = "p"
    __secret: float = 1.5

    def norm(self) -> float:
        local: int = 3
        return local


print(Point.__annotations__)
print(Point.y, Point.label, hasattr(Point, "x"))
print(Point().norm(), "_Point__secret" in Point.__annotations__)


class Empty:
    pass


print("__annotations__" in Empty.__dict__, "__annotations__" in Point.__dict__)


class Nested:
    if True:
        a: list = []
    for _ in range(1):
        b: dict = {}
    try:
        c: tuple = ()
    except Exception:
        d: set
    obj = type("O", (), {})()
    obj.attr: int = 4


print(Nested.__annotations__, Nested.obj.attr)


class Child(Point):
    z: bytes = b""


print(Child.__annotations__, Child.y)


def f():
    v: int = 1
    w: undefined_name
    return v


print(f())
try:
    class Bad:
        q: undefined_type = 1
except NameError as e:
    print("NameError:", e)
