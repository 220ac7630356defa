# Dict methods, insertion order, views.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), "a" in d, 1 in d)
print(d.setdefault("d", 4), d.setdefault("a", 100), d)
print(d.pop("d"), d.pop("zz", "gone"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
print(d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
del d["a"]
d["a"] = 0
print(d)
print(dict(a=1, b=2), dict([("k", "v")]), dict(zip("ab", [1, 2])), dict.fromkeys("xy", 0), dict.fromkeys([1, 2]))
keys = d.keys()
d["new"] = 1
print(keys, len(keys), "new" in keys)
print(d.items(), d.values())
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, {} == {}, {"a": 1} != {"a": 2})
merged = {"a": 1} | {"b": 2, "a": 3}
print(merged)
merged |= {"c": 4}
print(merged)
copy = merged.copy()
copy["a"] = 99
print(merged["a"], copy["a"])
merged.clear()
print(merged)
inv = {v: k for k, v in {"x": 1, "y": 2}.items()}
print(inv)
print({(1, 2): "tuple key", 3.0: "float", None: "none"}[(1, 2)])
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
try:
    for k in d:
        d["added" + k] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
print(list(reversed({"a": 1, "b": 2})), max({"a": 5, "b": 3}, key={"a": 5, "b": 3}.get))
