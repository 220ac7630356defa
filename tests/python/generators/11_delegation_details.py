# yield from delegating close/throw to sub-iterators with and without those methods.
class Sub:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration("sub done")
        return self.i
def outer():
    r = yield from Sub()
    print("Sub returned", repr(r))
    yield "after"
print(list(outer()))
def outer2():
    yield from Sub()
g = outer2()
print(next(g))
try:
    g.throw(ValueError("to plain iterator"))
except ValueError as e:
    print("ValueError:", e)
print(next(g, "finished"))
g = outer2()
next(g)
g.close()
print("closed outer2", next(g, "finished"))
def closable():
    try:
        yield 1
        yield 2
    finally:
        print("inner finally on close")
def outer3():
    try:
        yield from closable()
    finally:
        print("outer finally")
g = outer3()
next(g)
g.close()
def catcher():
    while True:
        try:
            yield
        except KeyError as e:
            print("inner caught", repr(e))
            yield "recovered"
def outer4():
    yield from catcher()
g = outer4()
next(g)
print(g.throw(KeyError("x")))
print(next(g))
def sender():
    got = []
    while len(got) < 3:
        got.append((yield len(got)))
    return got
def outer5():
    result = yield from sender()
    yield result
g = outer5()
print(next(g), g.send("a"), g.send("b"), g.send("c"))
