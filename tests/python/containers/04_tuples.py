# Tuples: packing, methods, immutability, comparisons.
t = (1, 2, 3, 2)
print(t, len(t), t[0], t[-1], t[1:3], t.count(2), t.index(3))
print(() , (1,), tuple(), tuple([1, 2]), tuple("ab"), type((1)).__name__, type((1,)).__name__)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
print(t + (4,), t * 2, (0,) * 3, 2 in t)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 9), (1, 2) < (1, 2, 3))
nested = (1, [2, 3])
nested[1].append(4)
print(nested)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pt"})
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([4, 9, 1])
print(lo, hi, minmax("hello"))
point = 3, 4
x, y = point
print(point, x, y)
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
print(tuple(reversed(t)), sum(t), max(t))
print(repr((1,)), str((None, "s", 1.5)), ((),), ((1, 2), (3,)))
a = (1, 2)
b = a
a += (3,)
print(a, b)
