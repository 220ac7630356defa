# Insertion order of dicts under updates, deletions and re-insertions; int set orders.
d = {}
for k in [5, 3, 9, 1]:
    d[k] = k * k
print(d)
del d[3]
d[3] = 0
print(d)
d[5] = "updated"
print(d, list(d))
d2 = dict.fromkeys([10, 2, 33])
print(d2, list(d2.items()))
counts = {}
for word in "b a c b a b".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(sorted(counts, key=counts.get, reverse=True))
s = set()
for n in [17, 3, 100, 42, 8, 25, 64, 1000, 7]:
    s.add(n)
print(s)
print({i * 7 for i in range(12)})
print(set(range(20, 0, -3)))
print({-3, -2, -1, 0, 1, 2, 3})
big = set(range(30))
big -= {5, 10, 15}
print(len(big), sorted(big)[:5], min(big), max(big))
print({2 ** i for i in range(12)})
print({x: None for x in [3, 1, 2]}.keys())
nested = {"outer": {"z": 1, "a": 2}}
nested["outer"]["m"] = 3
print(nested)
d3 = {"a": 1, "b": 2}
d3.pop("a")
d3["a"] = 1
print(d3, {"b": 2, "a": 1} == d3)
