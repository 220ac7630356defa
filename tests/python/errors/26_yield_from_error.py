# An exception propagating through yield from shows both generator frames.
def inner():
    yield 1
    raise KeyError("inner failed")

def outer():
    result = yield from inner()
    yield result

for value in outer():
    print(value)
