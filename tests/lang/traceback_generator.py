# An exception raised inside a generator, seen through next() and a for loop.
def numbers():
    yield 1
    yield 2
    raise ValueError("generator failed")

def consume():
    out = []
    for n in numbers():
        out.append(n * 10)
    return out

items = {"a": [1, 2, 3]}
print(items["a"][1])
consume()
