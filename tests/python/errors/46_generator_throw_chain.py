# An exception thrown into a generator is handled, and the handler raises a new one.
def consumer():
    while True:
        try:
            item = yield
            print("consumed", item)
        except ValueError as e:
            raise RuntimeError("consumer crashed") from e

c = consumer()
next(c)
c.send("a")
c.throw(ValueError("bad item"))
