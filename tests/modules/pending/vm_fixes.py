# Cases that need VM fixes (see the modules report); not run by the harness yet.
from collections import namedtuple, Counter
Point = namedtuple("Point", "x y")
p = Point(1, 2)
# Native __hash__ on instances is ignored (treated as object.__hash__), and __hash__ results are re-hashed.
print(hash(p) == hash((1, 2)), {Point(1, 2): "a"}[Point(1, 2)], Point(1, 2) in {(1, 2)})
# Reflected __eq__ is never tried when the left operand is a builtin value.
print((1, 2) == p, {"a": 1} == Counter(a=1))
# sorted(reverse=True) keeps equal items in their original order.
print(sorted([(1, "a"), (1, "b"), (0, "c")], key=lambda t: t[0], reverse=True))
# Default __ne__ must invert a user __eq__.
class A:
    def __eq__(s, o):
        return True
print(A() != A())
