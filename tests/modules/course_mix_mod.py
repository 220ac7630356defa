import random, heapq, itertools, json, enum, string
from collections import deque, defaultdict, Counter, namedtuple, OrderedDict, ChainMap
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice("abcdef"), random.uniform(1, 2))
print(random.sample(range(100), 5), random.choices([1, 2, 3], weights=[5, 1, 1], k=6))
l = list(range(10)); random.shuffle(l); print(l)
print(random.gauss(0, 1), random.randrange(0, 100, 7), random.getrandbits(16), random.expovariate(2.0))
r = random.Random(7); print(r.random(), r.triangular(0, 10, 3), r.betavariate(2, 3))
h = [5, 1, 8, 3, 9, 2]
heapq.heapify(h); print(h, heapq.heappop(h), heapq.nlargest(2, h), heapq.nsmallest(2, h, key=lambda x: -x))
print(heapq.heappushpop(h, 0), heapq.heapreplace(h, 10), h, list(heapq.merge([1, 4], [2, 3])))
Task = namedtuple("Task", "prio name", defaults=["?"])
t = Task(1)
print(t, t._asdict(), t._replace(prio=5), Task._fields, Task._field_defaults, t[0], isinstance(t, tuple))
c = Counter("mississippi")
print(c, c.most_common(2), c["z"], sorted(c.elements())[:5], c.total())
c2 = Counter(a=3, b=1); c3 = Counter(a=1, b=2)
print(c2 + c3, c2 - c3, c2 & c3, c2 | c3, -c3 if False else +c2)
dd = defaultdict(list); dd["x"].append(1); dd["y"]
print(dd, dict(dd), dd.default_factory)
dq = deque([1, 2, 3], maxlen=3); dq.append(4); dq.appendleft(0); dq.rotate(1)
print(dq, dq.maxlen, dq.popleft(), dq, dq.count(2), list(reversed(dq)))
od = OrderedDict(a=1, b=2, c=3); od.move_to_end("a"); od.popitem(last=False)
print(od, list(od.keys()), od == OrderedDict(c=3, a=1), od == {"a": 1, "c": 3})
cm = ChainMap({"a": 1}, {"a": 2, "b": 3}); print(cm["a"], cm["b"], dict(cm), cm.maps)
print(list(itertools.accumulate([1, 2, 3, 4], initial=10)), list(itertools.pairwise("abcd")))
print(list(itertools.groupby("aaabbc")) and [(k, len(list(g))) for k, g in itertools.groupby("aaabbc")])
print(list(itertools.islice(itertools.count(5, 2), 4)), list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print(list(itertools.permutations("abc", 2))[:4], list(itertools.combinations(range(4), 3)), list(itertools.product("ab", repeat=2)))
print(list(itertools.chain.from_iterable([[1], [2, 3]])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.compress("abcd", [1, 0, 1, 0])), list(itertools.filterfalse(None, [0, 1, 0, 2])), list(itertools.repeat("x", 3)))
a, b = itertools.tee([1, 2, 3]); print(list(a), list(b), list(itertools.combinations_with_replacement("ab", 2)))
print(json.dumps({"b": [1, 2.5, None, True], "a": "中文"}), json.dumps({"b": 1, "a": 2}, sort_keys=True, indent=2))
print(json.dumps("中文", ensure_ascii=False), json.loads('{"x": [1, 2, {"y": null}], "z": 1e3}'), json.dumps([1, 2], separators=(",", ":")))
try:
    json.loads("{bad}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
try:
    json.dumps({1, 2})
except TypeError as e:
    print("TypeError:", e)
class Status(enum.Enum):
    PENDING = "pending"
    DONE = "done"
    def label(self):
        return self.value.title()
print(Status.PENDING, repr(Status.DONE), Status("done"), Status["PENDING"].label(), list(Status), Status.DONE.name)
try:
    Status("nope")
except ValueError as e:
    print("ValueError:", e)
class Pri(enum.IntEnum):
    LOW = 1
    HIGH = 3
print(Pri.LOW < Pri.HIGH, Pri.HIGH + 1, sorted([Pri.HIGH, Pri.LOW]), f"{Pri.LOW}", str(Pri.LOW), format(Pri.HIGH, "d"))
class Perm(enum.Flag):
    R = enum.auto()
    W = enum.auto()
    X = enum.auto()
print(Perm.R | Perm.W, Perm.R in (Perm.R | Perm.X), repr(Perm(0)), list(Perm.R | Perm.X))
class S(enum.StrEnum):
    A = enum.auto()
print(S.A, repr(S.A), S.A == "a", f"{S.A}")
print(string.ascii_letters[:5], string.digits, string.punctuation[:5], string.capwords("hello  world"))
print(string.Template("$who likes ${what}").substitute(who="tim", what="pie"), string.Template("$x $y").safe_substitute(x=1))
