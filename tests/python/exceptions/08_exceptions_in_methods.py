# Exceptions raised inside methods, properties, __init__, dunders and caught outside.
class Strict:
    def __init__(self, v):
        if v < 0:
            raise ValueError(f"negative: {v}")
        self.v = v
    @property
    def half(self):
        if self.v % 2:
            raise ArithmeticError("odd value")
        return self.v // 2
    def __getitem__(self, i):
        raise IndexError(f"no item {i}")
    def __add__(self, other):
        raise TypeError("Strict does not add")
for v in [4, 3, -1]:
    try:
        s = Strict(v)
        print(v, s.half)
    except ValueError as e:
        print(v, "ValueError:", e)
    except ArithmeticError as e:
        print(v, "ArithmeticError:", e)
s = Strict(2)
for action in [lambda: s[0], lambda: s + 1, lambda: 1 + s, lambda: s.missing]:
    try:
        action()
    except Exception as e:
        print(type(e).__name__, e)
class Boom:
    def __repr__(self):
        raise RuntimeError("repr failed")
try:
    print([Boom()])
except RuntimeError as e:
    print("RuntimeError:", e)
class BadEq:
    def __eq__(self, o):
        raise ValueError("no eq")
try:
    BadEq() in [1, 2]
except ValueError as e:
    print("ValueError:", e)
class BadHash:
    def __hash__(self):
        raise KeyError("hash")
try:
    {BadHash(): 1}
except KeyError as e:
    print("KeyError:", e)
def key_fails(x):
    if x == 3:
        raise ValueError("bad key 3")
    return x
try:
    sorted([1, 3, 2], key=key_fails)
except ValueError as e:
    print("sorted:", e)
try:
    list(map(lambda x: 1 / x, [1, 0]))
except ZeroDivisionError as e:
    print("map:", e)
