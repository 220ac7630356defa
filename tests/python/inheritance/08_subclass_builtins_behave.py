# Subclasses of str, int, float, list, tuple, set and dict behave as the built-in wherever they
# do not override it: operators, formatting, hashing, dict keys, json, methods, in-place ops.
class S(str):
    pass
s = S("ab")
print("x" + s, s + "x", s * 2, 2 * s, s == "ab", "ab" == s, hash(s) == hash("ab"), {s: 1}["ab"], {"ab": 2}[s])
print(" ".join([s, S("cd")]), f"{s:>5}|", "%s-%r" % (s, s), s.upper(), s[0], s[::-1], "a" in s, list(s), len(s))
print(s.startswith(S("a")), "abc".startswith(s), str(s), type(str(s)).__name__, repr(s), sorted([S("b"), S("a")]))
print(isinstance(s, str), type(s).__name__, S.__mro__, s.__class__)
class I(int):
    def double(self):
        return self * 2
i = I(7)
print(i, i + 1, 1 + i, i.double(), -i, abs(I(-3)), i // 2, i % 3, i ** 2, f"{i:04d}", "%d" % i, range(i)[-1], [0]*I(2), bool(I(0)), float(i), int(i), type(int(i)).__name__)
print(i == 7, i < 8, max(I(3), I(9)), sum([I(1), I(2)]), hex(i), round(i), str(i), repr(i), i.bit_length(), i.real)
class F(float):
    pass
f = F(2.5)
print(f, f * 2, f"{f:.2f}", round(f), int(f), f.is_integer(), f > 2)
class L(list):
    def __init__(self, *a):
        super().__init__(a)
l = L(1, 2, 3)
l += [4]
print(l, type(l).__name__, l * 2, [0] + l, l + [9], sorted(l, reverse=True), l.index(3), l.count(1), 3 in l, list(reversed(l)))
l2 = L()
l2.extend("ab")
l2.sort(reverse=True)
print(l2, len(l2), l2.pop(), l2, l == [1, 2, 3, 4], [1, 2, 3, 4] == l, l[1:3], bool(L()))
class T(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def total(self):
        return sum(self)
t = T(1, 2)
x, y = t
print(t, t.total(), x, y, t[0], len(t), t + (3,), hash(t) == hash((1, 2)), type(t).__name__)
class St(set):
    pass
st = St([1, 2, 2])
st.add(5)
st |= {7}
print(sorted(st), type(st).__name__, 2 in st, len(st), st & {1, 5}, type(st & {1}).__name__)
class D(dict):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.extra = 1
d = D(a=1, b=2)
d.update(c=3)
print(d, d.extra, list(d), d.keys(), d.items(), d.get("z", 0), d.pop("a"), d, len(d), dict(d), {**d}, d | {"q": 0})
for k, v in d.items():
    print(k, v)
import json
print(json.dumps(d), json.dumps(L(1, 2)), json.dumps(s))
