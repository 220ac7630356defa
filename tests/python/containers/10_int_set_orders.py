# Iteration order of int sets after removals, re-insertions and resizes (CPython's hash table).
s = set()
for i in [5, 13, 21, 29]:
    s.add(i)
print(s)
s.remove(13)
s.add(37)
print(s)
s.add(13)
print(s)
big = set(range(0, 100, 7))
print(big)
for v in list(big)[:5]:
    big.discard(v)
print(big)
big.update([1000, 64, 3])
print(big)
print({-1, -2, -3, 1, 2, 3, 0}, {-10, 10, -20, 20})
print({2 ** 40, 2 ** 20, 1, 2 ** 62}, {9223372036854775807, -9223372036854775807})
print({1, 1.0, True}, {0, False, 0.0}, {1.5, 2.5, 3.5, 0.5})
print(set([8, 16, 24, 32, 40, 48, 56, 64]), set([9, 17, 25, 33]))
acc = set()
for i in range(20):
    acc.add(i * i % 17)
print(acc)
evens = {x for x in range(30) if x % 2 == 0}
odds = {x for x in range(30) if x % 2}
print(evens | odds == set(range(30)), sorted(evens)[:3], len(evens ^ odds))
print({5, 3, 1} | {2, 4}, {5, 3, 1} & {1, 5, 9}, {5, 3, 1} - {3}, {5, 3, 1} ^ {1, 7})
d = {}
for k in [7, 3, 11, 3, 7, 15]:
    d[k] = d.get(k, 0) + 1
print(d, set(d), frozenset(d))
