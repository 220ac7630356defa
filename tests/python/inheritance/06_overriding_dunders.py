# Inherited dunders, overriding __eq__/__repr__ in subclasses, calling the parent version.
class Base:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"{type(self).__name__}({self.v})"
    def __eq__(self, other):
        return type(self) is type(other) and self.v == other.v
    def __hash__(self):
        return hash(self.v)
    def __lt__(self, other):
        return self.v < other.v
class Child(Base):
    def __repr__(self):
        return "Child:" + super().__repr__()
class Other(Base):
    pass
print(Base(1), Child(2), Other(3), [Child(1), Base(2)])
print(Base(1) == Base(1), Base(1) == Child(1), Child(1) == Child(1), Other(1) != Base(1))
print(sorted([Child(3), Base(1), Other(2)]))
print(len({Base(1), Base(1), Child(1)}))
class Sized:
    def __len__(self):
        return 0
class Full(Sized):
    def __len__(self):
        return super().__len__() + 5
print(len(Full()), bool(Full()), bool(Sized()))
class Adder:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        return type(self)(self.n + other.n)
    def __repr__(self):
        return f"{type(self).__name__}<{self.n}>"
class LoudAdder(Adder):
    def __add__(self, other):
        print("adding", self, other)
        return super().__add__(other)
print(LoudAdder(1) + Adder(2), Adder(1) + LoudAdder(2))
class RAdd(Adder):
    def __radd__(self, other):
        return f"RAdd handled {other!r}"
print(5 + RAdd(1), Adder(1) + RAdd(2))
