from collections import deque, defaultdict, namedtuple, Counter, OrderedDict
import collections

# ---- deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([10, 11])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
print(list(reversed(d)), d.count(7), d.index(7), 8 in d, 99 in d)
d.remove(7)
d.insert(1, "x")
print(d)
d[0] = "first"
del d[1]
print(d)
m = deque(range(10), maxlen=3)
print(m, m.maxlen)
m.append(10)
print(m)
m.appendleft(-1)
print(m)
print(deque(), deque(maxlen=0), repr(deque("ab")))
print(deque([1, 2]) == deque([1, 2]), deque([1]) == [1], deque([1, 2]) < deque([1, 3]))
d2 = d.copy()
d2.clear()
print(d, d2, bool(d2), bool(d))
e = deque([1, 2, 3])
e.reverse()
print(e, e + deque([9]), e * 2)
e += [5, 6]
print(e)
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5],
            lambda: deque([1]).remove(3), lambda: deque([1]).index(3),
            lambda: deque([1, 2], maxlen=2).insert(0, 5), lambda: deque([1])["a"]]:
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__, ex)
q = deque([1, 2, 3])
try:
    for x in q:
        q.append(x)
except RuntimeError as ex:
    print("RuntimeError", ex)
a, b, c = deque([1, 2, 3])[0], *deque([2, 3])
print(a, b, c)

# ---- defaultdict
dd = defaultdict(list)
dd["a"].append(1)
dd["b"].append(2)
dd["a"].append(3)
print(dd)
print(dd["zzz"], dict(dd), isinstance(dd, dict), len(dd))
print(sorted(dd), list(dd.keys()), list(dd.items()))
ci = defaultdict(int)
for w in "the quick the lazy the dog".split():
    ci[w] += 1
print(ci, ci.default_factory)
print(defaultdict(None), defaultdict(lambda: 5)["q"])
nd = defaultdict(None)
try:
    nd["missing"]
except KeyError as ex:
    print("KeyError", ex)
try:
    defaultdict(5)
except TypeError as ex:
    print("TypeError", ex)
cp = ci.copy()
print(type(cp).__name__, cp == ci, cp is ci, cp.default_factory)
print(ci.get("nothing"), "nothing" in ci)
print(defaultdict(list, {"x": [1]}), defaultdict(int, a=1))
print(dd == {"a": [1, 3], "b": [2], "zzz": []})
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(nested["x"]["y"], dict(nested["x"]))

class MyDD(defaultdict):
    pass
md = MyDD(set)
md[1].add(2)
print(md, isinstance(md, defaultdict))

# ---- Counter
c = Counter("abracadabra")
print(c)
print(c.most_common(3), c.most_common(), c["z"], c["a"])
print(sorted(c.elements()))
c.update("aaz")
print(c)
c.subtract({"a": 10, "q": 1})
print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2, c=4))
print(Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2))
print(Counter(a=3, b=1) & Counter(a=1, b=2))
print(+Counter(a=2, b=-1, c=0), -Counter(a=2, b=-1))
print(Counter(), Counter({"x": 2, "y": 2, "z": 3}))
print(Counter([3, 1, 2, 1, 3, 3]).most_common(1))
print(Counter("hello").total(), len(Counter("hello")))
x = Counter(a=1)
x += Counter(a=2, b=-5)
print(x)
x -= Counter(a=10)
print(x)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) == {"a": 1}, Counter(a=1) <= Counter(a=2))
del c["nonexistent"]
print(isinstance(c, dict), "a" in c, list(Counter("bca")))
words = "one two three two three three".split()
cnt = Counter()
for w in words:
    cnt[w] += 1
print(cnt, dict(cnt))
try:
    Counter.fromkeys("abc")
except NotImplementedError as ex:
    print("NotImplementedError", ex)

# ---- OrderedDict
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od)
od.move_to_end("b")
print(od, list(od))
od.move_to_end("c", last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([("x", 1), ("y", 2)]), OrderedDict(a=1))
o1 = OrderedDict([("a", 1), ("b", 2)])
o2 = OrderedDict([("b", 2), ("a", 1)])
print(o1 == o2, o1 == dict(o2), dict(o1) == dict(o2))
try:
    OrderedDict().popitem()
except KeyError as ex:
    print("KeyError", ex)
try:
    o1.move_to_end("zz")
except KeyError as ex:
    print("KeyError", ex)
print(isinstance(o1, dict), len(o1), o1.get("a"), o1.copy())

# ---- namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), p == (1, 2), p == Point(1, 2))
x, y = p
print(x, y, tuple(p), list(p), isinstance(p, tuple))
print(p._replace(x=10), p._asdict(), Point._fields, Point._make([5, 6]))
print(Point(x=3, y=4), Point(5, y=6), Point.__name__, p[:1])
P3 = namedtuple("P3", "a b c", defaults=[0, 1])
print(P3(9), P3(9, 8), P3(9, 8, 7), P3._field_defaults)
Q = namedtuple("Q", "a, b")
print(Q(1, 2), Q._fields)
R = namedtuple("R", ["abc", "def", "abc", "_x"], rename=True)
print(R._fields)
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, 2, z=3), lambda: Point(1, x=2),
            lambda: Point._make([1]), lambda: p._replace(z=1), lambda: namedtuple("X", "a a"),
            lambda: namedtuple("X", "a _b"), lambda: namedtuple("X", "a class"),
            lambda: namedtuple("1X", "a"), lambda: P3(), lambda: namedtuple("T", "a b c")()]:
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__, ex)
try:
    p.x = 5
except AttributeError as ex:
    print("AttributeError")

class Pt(namedtuple("Pt", "x y")):
    def norm(self):
        return self.x * self.x + self.y * self.y
    def __str__(self):
        return f"<{self.x},{self.y}>"
pt = Pt(3, 4)
print(pt.norm(), str(pt), repr(pt), pt + (5,), sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(max(Point(1, 9), Point(2, 0)))
print(p.count(1), p.index(2))
# namedtuples as dict keys and set members
seen = {Point(1, 2): "a", Point(3, 4): "b"}
print(seen[Point(1, 2)], Point(3, 4) in seen, len({Point(1, 2), Point(1, 2), Point(2, 1)}), hash(Point(0, 0)) == hash(Point(0, 0)))
from collections import Counter
c = Counter(a=2, b=0, c=-1, d=3)
e = c.elements()
print(type(e), sorted(e), list(Counter("xyx").elements()))
try:
    list(Counter(a=1.5).elements())
except TypeError as ex:
    print("TypeError", ex)
