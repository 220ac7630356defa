# Counter, defaultdict, OrderedDict, namedtuple.
from collections import Counter, defaultdict, OrderedDict, namedtuple
c = Counter("abracadabra")
print(c)
print(c["a"], c["z"], c.most_common(2), sorted(c.elements())[:6])
c.update("aaz")
print(c.most_common(3), c["z"])
c.subtract({"a": 5})
print(c["a"], c.total() if hasattr(c, "total") else "-")
print(Counter([1, 2, 2, 3, 3, 3]), Counter({"x": 2, "y": 1}) + Counter({"x": 1}))
words = "the cat and the hat and the bat".split()
print(Counter(words).most_common(1), list(Counter(words).keys()))
dd = defaultdict(list)
for name, group in [("ann", "a"), ("bob", "b"), ("amy", "a")]:
    dd[group].append(name)
print(dd, dict(dd), dd["missing"], len(dd))
counts = defaultdict(int)
for ch in "hello":
    counts[ch] += 1
print(dict(counts), counts.default_factory)
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 1
print({k: dict(v) for k, v in nested.items()})
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od.move_to_end("b")
print(od, list(od), od.popitem(last=False))
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), tuple(p), Point._fields)
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple))
Color = namedtuple("Color", "r g b", defaults=[0])
print(Color(255, 128), Color._make([1, 2, 3]))
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
