def echo():
    print("started")
    try:
        while True:
            try:
                received = yield
                print("received", received)
            except ValueError as e:
                print("handled", repr(e))
    finally:
        print("cleanup")


g = echo()
next(g)  # prime: run to the first yield
g.send("hello")
g.send(42)
g.throw(ValueError("bad value"))
g.close()  # GeneratorExit at the yield, finally runs


def counter():
    total = 0
    while True:
        n = yield total
        total += n


c = counter()
print(next(c), c.send(5), c.send(10))
