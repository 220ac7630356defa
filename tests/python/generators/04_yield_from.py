# yield from: delegation, return values, send/throw forwarding.
def inner():
    x = yield "inner 1"
    print("inner got", x)
    yield "inner 2"
    return "inner result"
def outer():
    result = yield from inner()
    print("outer got result:", result)
    yield "outer done"
g = outer()
print(next(g))
print(g.send("hello"))
print(next(g))
print(next(g, "end"))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x * x for x in range(3)))))
def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def sub():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("sub handled", repr(e))
        yield "after KeyError"
    finally:
        print("sub finally")
def delegator():
    yield from sub()
    yield "delegator continues"
d = delegator()
print(next(d))
print(d.throw(KeyError("k")))
print(next(d))
print(next(d, "end"))
d2 = delegator()
next(d2)
d2.close()
print("closed delegator")
def returns_list():
    yield 1
    return [1, 2, 3]
def collect():
    got = yield from returns_list()
    return got * 2
c = collect()
print(next(c))
try:
    next(c)
except StopIteration as e:
    print(e.value)
def yf_iter():
    r = yield from [10, 20]
    print("list yield from returns", r)
print(list(yf_iter()))
