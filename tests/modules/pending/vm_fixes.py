# VM behaviours the modules depend on that still differ from CPython (see the modules report).
# Not run by the harness; compare `loopscope run` with vm_fixes.out (from python3).
from collections import namedtuple, Counter
Point = namedtuple("Point", "x y")
p = Point(1, 2)
# OPEN: the VM re-hashes ints returned by __hash__ (CPython uses them as is when they fit), so a
# namedtuple's hash differs from the equal tuple's: mixed tuple/namedtuple set lookups fail.
# (Built-in __hash__ on instances is also treated as object.__hash__; collections works around it.)
print(hash(p) == hash((1, 2)), {Point(1, 2): "a"}[Point(1, 2)], Point(1, 2) in {(1, 2)})
# FIXED in vm: reflected __eq__ when the left operand is a builtin value.
print((1, 2) == p, {"a": 1} == Counter(a=1))
# OPEN: sorted(reverse=True) must keep equal items in their original order.
print(sorted([(1, "a"), (1, "b"), (0, "c")], key=lambda t: t[0], reverse=True))
# OPEN: the default __ne__ must invert a user __eq__.
class A:
    def __eq__(s, o):
        return True
print(A() != A())
