# Set iteration order follows CPython's hash table layout.
print({3, 1, 2}, {10, 100, 1000, 5, 50}, {-1, -2, 7, 8, 16, 32, 64})
print(set(range(20, 0, -3)), {x * 7 % 50 for x in range(30)})
s = {1, 2, 3}
s.add(100)
s.discard(2)
s |= {40, 41}
print(s, s & {1, 41, 99}, s - {1}, s ^ {3, 500}, sorted(s))
print({(1, 2), (3, 4), (0, 0)}, {1.5, 2.5, 0.5}, {True, 2, 0}, frozenset({9, 8, 7}))
t = set()
for i in [5, 13, 21, 29, 37]:
    t.add(i)
print(t, t.pop(), t)
print(set("a"), len({"x", "y", "x"}), {None}, set([1, 1, 2]) == {2, 1})
u = set(range(10))
for i in range(0, 10, 2):
    u.remove(i)
u.update([100, 200])
print(u, {1, 2}.union({3}, [4]), {1, 2, 3}.intersection([2, 3, 4]), {1, 2}.issubset({1, 2, 3}))
print(dict.fromkeys({4, 2, 9}), list({64, 32, 16, 8}), set({5: 1, 3: 2}), frozenset())
