# Aliasing, shallow copies, identity vs equality.
a = [1, [2, 3]]
b = a
c = a[:]
d = list(a)
e = a.copy()
a.append(4)
a[1].append(5)
print(a, b, c, d, e)
print(a is b, a is c, a == c, c == d)
m = [[0] * 3] * 3
m[0][0] = 1
print(m)
m = [[0] * 3 for _ in range(3)]
m[0][0] = 1
print(m)
x = (1, 2)
y = tuple(x)
print(x == y, len(y))
s = {1, 2}
t = set(s)
t.add(3)
print(s, t)
dd = {"k": [1]}
dc = dict(dd)
dc["k"].append(2)
dc["new"] = 0
print(dd, dc)
def modify(lst):
    lst.append("modified")
def rebind(lst):
    lst = ["rebound"]
    return lst
orig = []
modify(orig)
print(orig, rebind(orig), orig)
def default_trap(item, acc=[]):
    acc.append(item)
    return acc
print(default_trap(1), default_trap(2))
def default_safe(item, acc=None):
    if acc is None:
        acc = []
    acc.append(item)
    return acc
print(default_safe(1), default_safe(2))
n = None
print(n is None, [] is not [], [] == [])
