# Rich comparisons, reflection of comparisons, sorting user objects, total ordering.
import functools
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9"]]
print(sorted(vs), max(vs), min(vs))
a, b = Version("1.0"), Version("2.0")
print(a < b, a > b, a <= b, a >= b, a == Version("1.0"), a != b)
@functools.total_ordering
class Money:
    def __init__(self, c):
        self.c = c
    def __eq__(self, o):
        return self.c == o.c
    def __lt__(self, o):
        return self.c < o.c
    def __repr__(self):
        return f"M{self.c}"
print(Money(1) < Money(2), Money(1) >= Money(2), Money(3) > Money(2), Money(2) <= Money(2))
class Loud:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        print(f"  {self.n} < {o.n}?")
        return self.n < o.n
    def __gt__(self, o):
        print(f"  {self.n} > {o.n}?")
        return self.n > o.n
print(Loud(1) > Loud(2))
print(Loud(5) < Loud(3))
class OnlyLt:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        return self.n < o.n
print(OnlyLt(2) > OnlyLt(1))
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print("TypeError:", e)
class NoCmp:
    pass
try:
    NoCmp() < NoCmp()
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([NoCmp(), NoCmp()])
except TypeError as e:
    print("TypeError:", e)
class EqAll:
    def __eq__(self, o):
        return True
print(EqAll() == 1, 1 == EqAll(), EqAll() != 2, [EqAll()] == [5], EqAll() in [1, 2])
