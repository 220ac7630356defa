# __missing__ on dict subclasses, list/str subclasses keeping behaviour, __iter__ = None.
class DefaultDict(dict):
    def __missing__(self, key):
        value = self[key] = f"<{key}>"
        return value
d = DefaultDict(a=1)
print(d["a"], d["b"], d, "c" in d, d.get("c"), len(d))
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "hello":
    c[ch] += 1
print(c, c["z"], "z" in c)
class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3).push(4)
print(s, s.peek(), len(s), s[1:], type(s[1:]).__name__, isinstance(s, list), s == [1, 2, 3, 4])
class Shout(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())
    def bang(self):
        return self + "!"
x = Shout("hi there")
print(x, x.bang(), x.lower(), type(x.lower()).__name__, len(x), x.split())
class NotIterable:
    __iter__ = None
    def __getitem__(self, i):
        return i
try:
    iter(NotIterable())
except TypeError as e:
    print("TypeError:", e)
class Unhashable:
    __hash__ = None
try:
    {Unhashable()}
except TypeError as e:
    print("TypeError:", e)
class Reg(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
r = Reg()
r["Key"] = 1
print(r["KEY"], r, dict(r))
