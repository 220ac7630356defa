# with statements: targets, multiple managers, exceptions, return inside.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return (self.name, len(self.name))
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.suppress
with CM("a"):
    print("body a")
with CM("b") as (name, size):
    print("unpacked", name, size)
with CM("c") as x, CM("dd") as y:
    print("two", x, y)
with (CM("p1") as p, CM("p2")):
    print("parenthesized", p)
with CM("sup", suppress=True):
    raise ValueError("suppressed")
print("continued")
try:
    with CM("raise"):
        1 / 0
except ZeroDivisionError as e:
    print("outer got", e)
def f():
    with CM("ret"):
        return "value"
print(f())
for i in range(3):
    with CM(f"it{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
