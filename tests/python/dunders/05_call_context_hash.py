# __call__, __enter__/__exit__, __hash__/__eq__ in dicts and sets.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest):
        return self.n + x + sum(rest)
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), callable(add5), callable(Adder), list(map(add5, [10, 20])))
class Ctx:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.swallow
with Ctx("a") as v:
    print("inside", v)
with Ctx("outer") as o, Ctx("inner") as i:
    print("both", o, i)
with Ctx("swallow", swallow=True):
    raise ValueError("hidden")
print("after swallow")
try:
    with Ctx("propagate"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
def early():
    with Ctx("ret"):
        return "returned"
print(early())
for i in range(2):
    with Ctx(f"loop{i}"):
        if i == 0:
            continue
        break
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x},{self.y})"
pts = {Point(1, 2): "a", Point(1, 2): "b", Point(0, 0): "c"}
print(pts, len({Point(1, 1), Point(1, 1)}), Point(0, 0) in pts)
class H:
    def __hash__(self):
        return 7
print(hash(H()), hash(H()) == 7)
try:
    with 5:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
