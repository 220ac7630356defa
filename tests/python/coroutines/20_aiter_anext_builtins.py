# aiter()/anext() builtins driven by hand: defaults, exhaustion, CPython's TypeErrors.


async def agen():
    yield 1
    yield 2


class Counter:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class BadAiter:
    def __aiter__(self):
        return 5


def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value


async def main():
    g = agen()
    print(aiter(g) is g, await anext(g), await anext(g, "d"), await anext(g, "d"), await anext(g, None))
    c = Counter(2)
    print(aiter(c) is c, await anext(c), await anext(c, "x"), await anext(c, "x"))
    try:
        await anext(Counter(0))
    except StopAsyncIteration as e:
        print("StopAsyncIteration", repr(e))
    for bad, fn in ((5, anext), ([1], anext), ([1], aiter), (BadAiter(), aiter)):
        try:
            fn(bad)
        except TypeError as e:
            print("TypeError:", e)
    try:
        async for x in BadAiter():
            pass
    except TypeError as e:
        print("TypeError:", e)
    return "done"


print(run(main()))
