# The walrus operator and chained comparisons.
data = [1, 5, 12, 7, 20]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 10])
print(y)
values = iter([3, 2, 1, 0, 9])
while (v := next(values)) != 0:
    print("v", v)
print((z := 5) + z)

def check(x):
    return 0 < x < 10

print(check(5), check(0), check(10))
print(1 < 2 < 3 < 4, 1 < 3 < 2, 1 == 1 == 1, 1 == 1 != 2)
print(1 < 2 > 1, 3 > 2 > 2, 2 >= 2 <= 2)
calls = []
def f(v):
    calls.append(v)
    return v
print(f(1) < f(0) < f(2))
print(calls)
calls.clear()
print(f(1) < f(2) < f(3))
print(calls)
x = 5
print(0 <= x < 10, x in [5] in [[5]], "a" < "b" < "c")
print(x is x if False else "skip")
print(not 1 < 2, not (1 > 2))
