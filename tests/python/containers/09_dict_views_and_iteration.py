# dict views: live updates, set operations on keys/items, iteration patterns.
d = {"a": 1, "b": 2, "c": 3}
keys, values, items = d.keys(), d.values(), d.items()
d["d"] = 4
print(keys, values, items)
print(keys & {"a", "z"} == {"a"}, sorted(keys | {"z"}), sorted(keys - {"a"}), ("a", 1) in items, 1 in values)
print(len(keys), list(reversed(keys)), sorted(values, reverse=True))
for k in list(d):
    if d[k] % 2 == 0:
        del d[k]
print(d)
print([k for k, v in d.items() if v > 1], {v: k for k, v in d.items()})
print(dict(sorted({"z": 1, "y": 2}.items())), list(enumerate(d)))
e = dict.fromkeys(range(3), [])
e[0].append("shared")
print(e)
print(keys == {"a", "c"}, d.keys() == {"a": 0, "c": 0}.keys())
print(list(zip(d, d.values())), list(map(str, d.items())))
nested = {"x": {"y": {"z": 1}}}
print(nested["x"]["y"]["z"], nested.get("x", {}).get("q", "none"))
total = 0
for _, v in {"p": 10, "q": 20}.items():
    total += v
print(total)
