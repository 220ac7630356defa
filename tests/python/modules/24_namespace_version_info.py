# types.SimpleNamespace details and sys.version_info as a named tuple.
import sys
import types

ns = types.SimpleNamespace(x=1, y=[2])
ns.y.append(ns)
print(ns)
del ns.x
ns.z = "z"
print(ns, sorted(vars(ns)), hasattr(ns, "x"))


class Point(types.SimpleNamespace):
    pass


p = Point(a=1)
print(p, p == types.SimpleNamespace(a=1), types.SimpleNamespace() == types.SimpleNamespace())
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print("TypeError:", e)
v = sys.version_info
print(v[:3] >= (3, 11, 0), v.major, v.minor, v.releaselevel, v[0] == v.major, len(v), tuple(v)[:2])
print(repr(v).startswith("sys.version_info(major=3, minor=11"), v > (3,), v < (4, 0), isinstance(v, tuple))
major, minor, *rest = v
print(major, minor, len(rest))
