def inner():
    try:
        x = yield "inner ready"
        print("inner got", x)
        y = yield "inner again"
        print("inner got", y)
    except KeyError as e:
        print("inner handled", repr(e))
        return "recovered"
    return "inner result"


def outer():
    result = yield from inner()  # values, send() and throw() pass straight through
    print("outer got return value:", result)
    yield "outer done"


g = outer()
print(next(g))
print(g.send(1))
print(g.send(2))

g = outer()
next(g)
print(g.throw(KeyError("k")))
