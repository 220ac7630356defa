# for over many iterables, for/else, break/continue, loop variable after the loop.
for c in "abc":
    print(c, end=" ")
print()
for x in [1, 2, 3]:
    print(x * x, end=",")
print()
for t in (1, "two", 3.0):
    print(type(t).__name__)
for k in {"b": 1, "a": 2}:
    print("key", k)
for k, v in {"b": 1, "a": 2}.items():
    print(k, v)
for i in range(10, 0, -3):
    print(i)
for i in range(3):
    pass
print("i after loop:", i)

def find(items, target):
    for idx, item in enumerate(items):
        if item == target:
            print("found at", idx)
            break
    else:
        print("not found")

find([4, 5, 6], 5)
find([4, 5, 6], 7)
find([], 1)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
total = 0
for v in range(20):
    if v % 3:
        continue
    total += v
print("total", total)
for a, b in zip("xyz", range(3)):
    print(a, b)
for _ in []:
    print("never")
else:
    print("else on empty for")
