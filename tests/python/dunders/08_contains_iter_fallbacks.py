# `in` falls back from __contains__ to __iter__ to __getitem__; iteration falls back to __getitem__.
class WithContains:
    def __contains__(self, x):
        print("  __contains__", x)
        return x == 1
class WithIter:
    def __iter__(self):
        print("  __iter__")
        return iter([1, 2, 3])
class WithGetitem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        print("  __getitem__", i)
        return i * 10
for obj in [WithContains(), WithIter(), WithGetitem()]:
    print(type(obj).__name__, 1 in obj)
    print(type(obj).__name__, 20 in obj)
print(list(WithGetitem()))
class Nothing:
    pass
try:
    1 in Nothing()
except TypeError as e:
    print("TypeError:", e)
class Truthy:
    def __contains__(self, x):
        return "yes"
print(5 in Truthy(), 5 not in Truthy())
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return (i for i in range(self.n, 0, -1))
c = Countdown(3)
print(list(c), 2 in c, sorted(c), sum(c), list(enumerate(c)))
