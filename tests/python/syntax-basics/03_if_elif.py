# if / elif / else, truthiness of many values, conditional expressions.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

for n in [-5, 0, 3, 10, 99]:
    print(n, classify(n))

values = [0, 1, -1, 0.0, 2.5, "", "a", [], [0], (), (0,), {}, {"a": 1}, None, True, False, set(), range(0), range(1)]
for v in values:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")

x = 5
print("odd" if x % 2 else "even")
print("big" if x > 100 else "medium" if x > 3 else "tiny")
if x > 1 and x < 10: print("between")
if not x: print("never")
else: print("x is set")
if x:
    pass
print(1 if [] else 2, 3 if "0" else 4)
y = None
if y is None:
    print("y is None")
if y is not None:
    print("unreachable")
