# Numeric hashing invariants: equal numbers hash equal, so 1, 1.0 and True share dict keys.
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(-0.0) == hash(False))
print(hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(hash(0.5), hash(1.5), hash(-0.5), hash(1e20), hash(float("inf")), hash(float("-inf")))
print(hash(10 ** 18) == hash(float(10 ** 18)), hash(2 ** 53) == hash(2.0 ** 53))
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d2 = {0.0: "zero float", 0: "zero int", -0.0: "neg zero"}
print(d2)
s = {1, 1.0, True, 2, 2.0, 3.5}
print(s, len(s))
print({x: type(x).__name__ for x in [1, 1.0, True]})
counts = {}
for v in [1, 1.0, True, 2, 2.0]:
    counts[v] = counts.get(v, 0) + 1
print(counts)
print(1 in {1.0}, 1.0 in {True}, 2 in {2.0: "x"}, {1: "a"}[1.0], {1.0: "b"}[True])
print(hash((1, 2)) == hash((1.0, 2.0)), (1, 2) == (1.0, 2.0), {(1, 2): "t"}[(1.0, 2.0)])
print(hash(frozenset({1, 2})) == hash(frozenset({2.0, 1.0})))
