# Plain, chained, tuple and starred assignment.
a = 1
b = c = 2
print(a, b, c)
x, y = 3, 4
print(x, y)
x, y = y, x
print(x, y)
(p, q), r = (5, 6), 7
print(p, q, r)
[s, t] = "ab"
print(s, t)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
head, *mid, tail = "hello"
print(head, mid, tail)
a, *b = (1,)
print(a, b)
m, (n, *o) = 1, (2, 3, 4)
print(m, n, o)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
lst = [0, 0, 0]
lst[0], lst[2] = 10, 30
print(lst)
d = {}
d["x"], d["y"] = 1, 2
print(d)
i = 0
i, lst[i] = 1, 99
print(i, lst)
try:
    u, v = 1, 2, 3
except ValueError as e:
    print("ValueError:", e)
try:
    u, v, w = 1, 2
except ValueError as e:
    print("ValueError:", e)
try:
    u, v = 5
except TypeError as e:
    print("TypeError:", e)
try:
    u, *v, w = [1]
except ValueError as e:
    print("ValueError:", e)
