# Unpacking from many iterables and nested starred targets.
a, b = "xy"
print(a, b)
a, b = {"k1": 1, "k2": 2}
print(a, b)
a, b = range(2)
print(a, b)
(a, b), (c, d) = "ab", [1, 2]
print(a, b, c, d)
[a, [b, *c]] = [1, [2, 3, 4]]
print(a, b, c)
*a, = [1, 2]
print(a)
a, *b, c, d = range(6)
print(a, b, c, d)
for x, *rest in [(1, 2, 3), (4,)]:
    print(x, rest)
first, *_ = "hello"
print(first, _)
def gen():
    yield 1
    yield 2
p, q = gen()
print(p, q)
x = y = z = [0]
x.append(1)
print(y, z)
m, n = n, m = 1, 2
print(m, n)
t = 1, 2, 3
print(t, len(t))
s = 1,
print(s)
try:
    a, b = gen(), 
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = "ab"
except ValueError as e:
    print("ValueError:", e)
