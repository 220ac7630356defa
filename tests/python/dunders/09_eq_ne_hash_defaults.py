# __ne__ derived from __eq__, NotImplemented fallbacks, __hash__ set to None by __eq__.
class A:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print(f"  A.__eq__({self.v}, {getattr(other, 'v', other)!r})")
        if not isinstance(other, A):
            return NotImplemented
        return self.v == other.v
print(A(1) != A(1), A(1) != A(2))
print(A(1) == 1)
print(1 == A(1))
print(A(1) == "x", "x" != A(1))
class B:
    def __eq__(self, other):
        return NotImplemented
b = B()
print(b == b, b != b, b == B(), b != B())
print(A.__hash__ is None, B.__hash__ is None, hash(1) == hash(True))
class C(A):
    __hash__ = object.__hash__
print(C.__hash__ is not None, len({C(1), C(1)}))
class D:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, D) and self.v == other.v
    def __hash__(self):
        return hash(self.v)
print(len({D(1), D(1), D(2)}), D(1) in [D(0), D(1)], [D(1)].index(D(1)), [D(2), D(1)].count(D(1)))
print({D(1): "a"}[D(1)], D(3) != D(3), D(3) is not D(3))
class Ordered:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"O{self.v}"
print(sorted([Ordered(3), Ordered(1), Ordered(2)]), max([Ordered(3), Ordered(5)]), min(Ordered(4), Ordered(2)))
print(Ordered(1) > Ordered(0))
