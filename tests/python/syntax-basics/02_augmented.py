# Augmented assignment on names, items, attributes, and in-place list semantics.
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 2; print(n)
n //= 5; print(n)
n %= 3; print(n)
n **= 4; print(n)
n <<= 2; print(n)
n >>= 1; print(n)
n |= 0b1000; print(n)
n &= 0b1100; print(n)
n ^= 0b0101; print(n)
f = 7
f /= 2; print(f)
s = "ab"
s += "cd"; print(s)
s *= 2; print(s)
lst = [1, 2]
alias = lst
lst += [3]
print(lst, alias, lst is alias)
t = (1, 2)
t2 = t
t += (3,)
print(t, t2, t is t2)
d = {"k": 1}
d["k"] += 10
print(d)
class Box:
    pass
b = Box()
b.v = 1
b.v += 41
print(b.v)
grid = [[0, 0], [0, 0]]
grid[1][0] += 5
print(grid)
lst = [1, 2, 3]
lst *= 2
print(lst)
lst[1:3] = []
print(lst)
count = 0
for _ in range(4):
    count += 1
print(count)
