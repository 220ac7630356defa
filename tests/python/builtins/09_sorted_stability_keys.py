# sorted/list.sort stability and multi-key sorting idioms.
records = [("ann", "eng", 30), ("bob", "ops", 25), ("cy", "eng", 25), ("di", "ops", 30), ("ed", "eng", 35)]
by_age = sorted(records, key=lambda r: r[2])
print(by_age)
by_dept_then_age = sorted(sorted(records, key=lambda r: r[2]), key=lambda r: r[1])
print(by_dept_then_age)
print(sorted(records, key=lambda r: (r[1], -r[2])))
print(sorted(records, key=lambda r: r[0], reverse=True))
same = [(1, "first"), (0, "x"), (1, "second"), (1, "third")]
print(sorted(same, key=lambda p: p[0]), sorted(same, key=lambda p: p[0], reverse=True))
lst = [5, 3, 5, 1]
lst.sort(key=lambda v: -v)
print(lst)
print(sorted("Banana", key=str.lower), sorted(["b", "B", "a", "A"]), sorted(["b", "B", "a", "A"], key=str.lower))
print(sorted([[2, 1], [1, 2], [1, 1, 1]]), sorted([(2,), (1, 5), ()]))
print(sorted(range(10), key=lambda n: (n % 3, n)))
print(sorted([0.5, -1, 3, 2.5, -0.0, 0]))
print(sorted({"b": 2, "a": 3, "c": 1}.items(), key=lambda kv: kv[1]))
print(min(records, key=lambda r: (r[2], r[0])), max(records, key=lambda r: r[2]))
