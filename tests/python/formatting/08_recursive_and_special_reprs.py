# repr of self-referencing containers, empty containers, nested empties, and special floats in containers.
a = [1]
a.append(a)
b = {"list": a}
a.append(b)
print(a)
print(b)
t = ([],)
t[0].append(t)
print(t)
d = {}
d["me"] = [d, {"again": d}]
print(d)
print([[], {}, (), set(), frozenset(), "", b""])
print({(): [], "": {}, 0: set()})
print([float("inf"), -float("inf"), 0.0, -0.0, 1e-320, 1e300 * 10])
print((1.0, 2.50, 3e0), [1e16, 1.5e-7, 123456789.0])
print(repr([None, True, False, ...]), str((None,)))
nested = [1, [2, [3, [4, [5]]]]]
print(nested, str(nested) == repr(nested))
print({"a": {"b": {"c": {"d": {}}}}})
