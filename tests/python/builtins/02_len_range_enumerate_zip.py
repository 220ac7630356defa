# len, range, enumerate, zip, reversed.
print(len([1, 2]), len("héllo"), len({}), len(range(10)), len(range(0, 10, 3)), len(range(5, 0)))
r = range(2, 20, 4)
print(r, list(r), r[1], r[-1], r[1:3], len(r), 10 in r, 11 in r, r.index(14), r.count(6))
print(list(range(-3)), list(range(3, -3, -2)), range(5) == range(0, 5), range(0) == range(2, 2))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate([], 1)))
e = enumerate(["x", "y"])
print(next(e), next(e), next(e, "end"))
print(list(zip()), list(zip([1, 2, 3])), list(zip("ab", [1, 2, 3], (True, False))))
print(dict(zip(["a", "b"], [1, 2])), list(zip(*[(1, "a"), (2, "b")])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
print(type(range(3)).__name__, type(enumerate([])).__name__, type(zip()).__name__, type(reversed([])).__name__)
print(list(map(str, range(3))), list(map(pow, [2, 3], [3, 2])), list(filter(str.isdigit, "a1b2")))
print(type(map(str, [])).__name__, type(filter(None, [])).__name__)
for i, (a, b) in enumerate(zip("xy", "pq"), start=1):
    print(i, a, b)
