# Common patterns of subclassing built-ins: AttrDict, dict with overridden __setitem__/__repr__,
# list without super().__init__, set/str/float/int/tuple with __new__, __missing__, copies.
import copy
class AttrDict(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k)
    def __setattr__(self, k, v):
        self[k] = v
a = AttrDict(x=1)
a.y = 2
print(a, a.x, a.y, getattr(a, "z", "none"), hasattr(a, "keys"), a.keys())
class Ordered(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.history = []
    def __setitem__(self, k, v):
        self.history.append(k)
        super().__setitem__(k, v)
    def __repr__(self):
        return f"Ordered({dict.__repr__(self)})"
o = Ordered([("a", 1)], b=2)
o["c"] = 3
o.update(d=4)
print(o, o.history, [o], str(o), dict(o), len(o))
class Quiet(list):
    def __init__(self, n):
        self.n = n
q = Quiet(5)
print(q, q.n, len(q))
class Tags(set):
    def __init__(self, *tags):
        super().__init__(t.lower() for t in tags)
t = Tags("A", "b", "B")
print(sorted(t), len(t), "a" in t, t | {"z"} == {"a", "b", "z"})
class Celsius(float):
    def __new__(cls, v):
        if v < -273.15:
            raise ValueError("too cold")
        return super().__new__(cls, v)
    def __str__(self):
        return f"{float(self):.1f}°C"
c = Celsius(21.456)
print(c, repr(c), c + 1, f"{c}", "%s" % c, [c], c.is_integer(), round(c, 1))
try:
    Celsius(-300)
except ValueError as e:
    print("ValueError:", e)
class Name(str):
    def __new__(cls, first, last):
        obj = super().__new__(cls, f"{first} {last}")
        obj.first = first
        return obj
n = Name("Ada", "Lovelace")
print(n, n.first, n.upper(), n.split(), n == "Ada Lovelace", len(n), type(n + "!").__name__, n.__class__.__name__)
d = {n: 1}
print(d["Ada Lovelace"], d[n])
cc = copy.copy(o)
dc = copy.deepcopy(Ordered(a=[1]))
print(type(cc).__name__, cc, type(dc).__name__, dc)
print(issubclass(Ordered, dict))
class Money(int):
    def __add__(self, other):
        return Money(int(self) + int(other))
    def __repr__(self):
        return f"${int(self)}"
m = Money(5) + 3
print(m, repr(m), type(m).__name__, sum([Money(1), Money(2)], Money(0)), Money(2) * 3, -Money(4))
print(list.__init__, dict.__getitem__(o, "a"), list.__len__(q), str.upper(n), int.__add__(Money(1), 2))
class Matrix(list):
    def __getitem__(self, idx):
        if isinstance(idx, tuple):
            r, c = idx
            return super().__getitem__(r)[c]
        return super().__getitem__(idx)
mx = Matrix([[1, 2], [3, 4]])
print(mx[1, 0], mx[0], mx[-1][-1], list(mx), len(mx))
for row in mx:
    print(row)
class Deflt(dict):
    def __missing__(self, key):
        return key * 2
dd = Deflt()
print(dd[3], dd.get(3), 3 in dd, dd)
class Frozen(tuple):
    __slots__ = ()
    def __new__(cls, *xs):
        return super().__new__(cls, xs)
    @property
    def first(self):
        return self[0]
f = Frozen(1, 2, 3)
print(f, f.first, f[1:], type(f[1:]).__name__, f.count(2), f.index(3), sorted(f, reverse=True), max(f), f == (1, 2, 3))
