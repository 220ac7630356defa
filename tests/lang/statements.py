# Control flow: loops with else, break/continue, while, with, global/nonlocal, del, assert.
for i in range(3):
    if i == 1:
        continue
    print("for", i)
else:
    print("for-else ran")
for i in range(5):
    if i == 2:
        break
else:
    print("not printed")
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
total = 0
for i, ch in enumerate("abc"):
    total += i
print("total", total)
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print("counter", counter)
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 10
    inner()
    return x
print("nonlocal", outer())
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        return typ is KeyError
with CM("a") as c, CM("b"):
    print("inside", c.name)
with CM("swallow"):
    raise KeyError("k")
try:
    with CM("propagate"):
        raise ValueError("v")
except ValueError as e:
    print("propagated", e)
x = [1, 2, 3]
del x[0]
print(x)
try:
    assert len(x) == 5, "length is wrong"
except AssertionError as e:
    print("assert:", e)
try:
    assert False
except AssertionError as e:
    print("bare assert:", repr(e))
i = 0
while True:
    i += 1
    if i > 100:
        break
print("i", i)
for a, b in [(1, 2), (3, 4)]:
    print(a + b, end=" ")
print()
print("a", "b", sep="-", end="!\n")
import sys
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
match_val = 3
if match_val == 1:
    print("one")
elif match_val == 3:
    print("three")
else:
    print("other")
def f(): pass
print(f())
result = [y for y in (x * 2 for x in range(4)) if y > 2]
print(result)
print(sys.argv[1:])
