# return inside a generator, StopIteration values, and for-else.
def finder(items, target):
    for i, x in enumerate(items):
        if x == target:
            return i
        yield x
    return -1


g = finder([5, 6, 7], 6)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("found at", e.value)

for x in finder([1, 2], 9):
    print("item", x)
else:
    print("for-else: loop finished without break")

for x in finder([1, 2, 3], 9):
    if x == 2:
        break
else:
    print("not printed")
print("broke at", x)


def gen():
    yield 1
    return "value"


def wrapper():
    result = yield from gen()
    yield f"wrapped {result}"


print(list(wrapper()))
