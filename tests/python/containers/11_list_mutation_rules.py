# List mutation rules: sort keys failing, mutation during sort, slices assignment, del in loops.
data = [3, 1, "x", 2]
try:
    data.sort()
except TypeError as e:
    print("TypeError:", e)
print(sorted(data, key=str))
nums = [5, 3, 1, 4]
def bad_key(v):
    if v == 1:
        raise ValueError("no ones")
    return v
try:
    nums.sort(key=bad_key)
except ValueError as e:
    print("ValueError:", e)
print(nums)
lst = [3, 2, 1]
def mutating_key(v):
    lst.append(v)
    return v
try:
    lst.sort(key=mutating_key)
except ValueError as e:
    print("ValueError:", e)
items = list(range(10))
for i in range(len(items) - 1, -1, -1):
    if items[i] % 3 == 0:
        del items[i]
print(items)
items = list(range(10))
items[:] = [x for x in items if x % 2]
print(items)
a = [1, 2, 3, 4, 5]
a[1:4] = "xy"
print(a)
a[::2] = [0, 0]
print(a)
a[len(a):] = [9]
a[:0] = [-1]
print(a)
del a[::3]
print(a)
b = a
b += [100]
print(a is b, a[-1])
b = b + [200]
print(a is b, len(a), len(b))
m = [[1, 2], [3, 4]]
row = m[0]
m[0] = [9, 9]
print(row, m)
