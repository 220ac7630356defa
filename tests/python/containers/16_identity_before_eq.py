# Containers match the very same object before asking __eq__ (PyObject_RichCompareBool), in
# probe order: a key whose __eq__ is always False is still found, deleted and compared equal.
class K:
    def __init__(self, n): self.n = n
    def __hash__(self): return 1
    def __eq__(self, other):
        print("eq", self.n, getattr(other, "n", other))
        return False
a, b = K("a"), K("b")
d = {a: 1, b: 2}
print(d[a], d[b])
print(a in d, b in d, K("c") in d)
del d[b]
print(len(d))
s = {a, b}
print(a in s, len(s))
s.discard(a)
print(len(s))
l = [a, b]
print(a in l, l.index(b), l.count(a))
l.remove(b)
print(len(l))
print([a] == [a], (a,) == (a,), {1: a} == {1: a})
print(a == a, a != a)
nan = float("nan")
print(nan in [nan], [nan] == [nan])
print(a in {1: a}.values(), (1, a) in {1: a}.items())
from collections import OrderedDict, Counter
print(OrderedDict(x=a) == OrderedDict(x=a))
