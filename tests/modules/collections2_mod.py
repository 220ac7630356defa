from collections import defaultdict, Counter, OrderedDict, deque
dd = defaultdict(int, a=1)
c = Counter("mississippi")
print({**c}, dict(**dd), max(c, key=c.get), c.most_common()[0][0], dd | {"x": 1}, {"y": 2} | dd)
print(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])), list(reversed(OrderedDict(a=1, b=2))))
def f(**kw):
    return kw
print(f(**c), len(c), bool(Counter()), c.keys(), c.values(), "s" in c.keys())
od = OrderedDict.fromkeys("abc", 0)
print(od, defaultdict.fromkeys("ab"), type(od.copy()).__name__, od.setdefault("z", 9), od)
q = deque()
q.extend(range(3))
while q:
    print(q.popleft(), end=" ")
print()
class Registry(defaultdict):
    def __missing__(self, key):
        print("missing", key)
        return super().__missing__(key)
r = Registry(list)
r["k"].append(1)
print(r, r.default_factory)
c2 = Counter()
c2.update({"a": 2})
c2.update(["a", "b"])
c2.update(a=5)
print(c2, c2 + Counter(), c2.get("zz"), c2.pop("a"), c2)
