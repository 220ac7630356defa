# pprint (CPython's pprint.py): nested dicts and lists wrapped to the width, depth, compact,
# sort_dicts, indent, long strings and bytes split, collections types, dataclasses.
import pprint
data = {"users": [{"name": "alice", "roles": ["admin", "dev"], "age": 31, "tags": {3, 1, 2}},
                  {"name": "bob", "roles": [], "age": 25, "nested": {"a": {"b": {"c": list(range(30))}}}}],
        "count": 2, "meta": ("tuple", 1, 2.5, None, True), "long": "word " * 30}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, depth=2)
pprint.pprint(data, compact=True, width=60)
pprint.pprint(data, sort_dicts=False, indent=2)
print(pprint.pformat(list(range(40))))
print(pprint.pformat({"b": 1, "a": [1, 2]}, width=10))
print(pprint.saferepr({"x": [1, 2]}), pprint.isreadable([1, 2]), pprint.isrecursive([1]))
l = [1, 2]; l.append(l)
print(pprint.pformat(l).split(" with id=")[0])
pp = pprint.PrettyPrinter(width=20, indent=4)
pp.pprint({"k%d" % i: i for i in range(5)})
from collections import OrderedDict, defaultdict, Counter, deque
pprint.pprint(OrderedDict((str(i), i) for i in range(8)), width=30)
pprint.pprint(defaultdict(list, {"a": [1] * 20}), width=30)
pprint.pprint(Counter("abracadabra"), width=30)
pprint.pprint(deque(range(20)), width=30)
from dataclasses import dataclass
@dataclass
class P:
    x: int
    y: list
pprint.pprint(P(1, list(range(25))), width=40)
pprint.pprint(b"bytes " * 20)
pprint.pp({"z": 1, "a": 2})
print(pprint.pformat("a long string that will be wrapped because it is long " * 3, width=30))
