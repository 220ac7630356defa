# Sets of ints (ordering follows CPython's hash table), frozensets, set algebra.
s = {3, 1, 2}
print(s, len(s), 2 in s, 5 not in s)
s.add(10)
s.add(1)
print(s)
s.discard(3)
s.discard(42)
print(s)
s.remove(10)
try:
    s.remove(10)
except KeyError as e:
    print("KeyError:", e)
print(s, s.pop(), s)
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a.issubset(range(10)), a.isdisjoint({9}))
print(set(), set([3, 3, 1]), set("aa"), set(range(5)), {x % 3 for x in range(10)})
print({100, 5, 37, 64, 1}, {-1, -2, 0, 1}, {8, 16, 32, 7})
print(sorted({5, 3, 9}), list({33, 1, 17}), set([40, 8, 16]))
fs = frozenset([2, 1])
print(fs, frozenset(), fs | {3}, {fs: "frozen key"}[frozenset({1, 2})])
print(hash(frozenset()) == hash(frozenset()), type(fs | {3}).__name__, type({3} | fs).__name__)
c = a.copy()
c.update([7, 8], {9})
print(c)
c.intersection_update({1, 7, 8, 100})
print(c)
c.difference_update({7})
print(c)
c.symmetric_difference_update({1, 2})
print(c)
c.clear()
print(c)
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
print({1, 2} == {2, 1}, {1} == frozenset({1}), {True, 1, 1.0})
print({0.5, 1.5, 2}, {-5, 5, 15})
