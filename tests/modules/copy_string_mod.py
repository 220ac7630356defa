import copy, string
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple

print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits, repr(string.whitespace))
print(string.punctuation, repr(string.printable), len(string.printable))
print(string.capwords("hello   big world"), string.capwords("a-b-c", "-"), string.capwords(""))
t = string.Template("$who likes ${what}, costs $$5 $who")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "ann", "what": "tea"}))
print(t.safe_substitute(who="x"), string.Template("$a$b").substitute(a=1, b=2.5))
for bad in [lambda: t.substitute(who="x"), lambda: string.Template("cost $ 5").substitute(),
            lambda: string.Template("a\n  $").substitute()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(5)
print(a, b, c, b[1] is a[1], c[1] is a[1])
d = {"x": [1], "y": (1, [2])}
dd = copy.deepcopy(d)
d["y"][1].append(3)
print(d, dd, dd["y"] is d["y"])
t1 = (1, 2, "s")
print(copy.deepcopy(t1) is t1, copy.copy(t1) is t1, copy.copy(5), copy.deepcopy("s"))
s = {1, 2}
print(copy.copy(s), copy.copy(s) is s, copy.deepcopy(frozenset({3})))
shared = [0]
pair = [shared, shared]
cp = copy.deepcopy(pair)
print(cp, cp[0] is cp[1], cp[0] is shared)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc[0])

class P:
    def __init__(self, x, items):
        print("init called")
        self.x = x
        self.items = items
    def __repr__(self):
        return f"P({self.x}, {self.items})"
p = P(1, [1, 2])
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
p.items.append(3)
print(p, p2, p3, p2.items is p.items, p3.items is p.items, type(p3).__name__)

class C:
    def __init__(self):
        self.v = [1]
    def __copy__(self):
        print("custom copy")
        return "copied"
    def __deepcopy__(self, memo):
        print("custom deepcopy", type(memo).__name__)
        return "deep-copied"
print(copy.copy(C()), copy.deepcopy(C()), copy.deepcopy([C()]))

dq = deque([[1], [2]], maxlen=5)
dq2 = copy.deepcopy(dq)
dq[0].append(9)
print(dq, dq2, copy.copy(dq), copy.copy(dq) is dq)
df = defaultdict(list, {"a": [1]})
df2 = copy.deepcopy(df)
df["a"].append(2)
print(df, df2, df2.default_factory, copy.copy(df))
cnt = Counter("aab")
print(copy.copy(cnt), copy.deepcopy(cnt), copy.deepcopy(OrderedDict(a=[1])))
Pt = namedtuple("Pt", "x y")
pt = Pt([1], 2)
pt2 = copy.deepcopy(pt)
pt.x.append(5)
print(pt, pt2, copy.copy(pt))
try:
    raise ValueError("orig")
except ValueError as e:
    e2 = copy.copy(e)
    print(type(e2).__name__, e2.args)
