# yield from: values pass through both ways; the subgenerator's return value comes back.
def sub(tag):
    total = 0
    while True:
        x = yield f"{tag}:{total}"
        if x is None:
            return total
        total += x


def outer():
    a = yield from sub("A")
    print("  A returned", a)
    b = yield from sub("B")
    print("  B returned", b)
    return a + b


g = outer()
print(next(g))
print(g.send(1), g.send(2))
print(g.send(None))
print(g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("outer returned", e.value)


def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain("ab", range(2), (x * x for x in [3]))))
