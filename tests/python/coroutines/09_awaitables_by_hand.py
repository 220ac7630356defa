# Custom awaitables: __await__ delegating to generators, awaiting in loops, values sent back in.
import types
class Request:
    def __init__(self, op, arg):
        self.op, self.arg = op, arg
    def __await__(self):
        result = yield (self.op, self.arg)
        return result
class Sleep:
    def __init__(self, t):
        self.t = t
    def __await__(self):
        yield from (("tick", i) for i in range(self.t))
        return f"slept {self.t}"
@types.coroutine
def raw(value):
    got = yield ("raw", value)
    return got
async def job():
    a = await Request("double", 21)
    b = await Sleep(2)
    c = await raw("x")
    total = 0
    for i in range(3):
        total += await Request("double", i)
    return a, b, c, total
def run(coro):
    reply = None
    steps = []
    while True:
        try:
            op, arg = coro.send(reply)
        except StopIteration as e:
            return steps, e.value
        steps.append(op)
        reply = arg * 2 if op == "double" else (arg.upper() if op == "raw" else None)
print(run(job()))
async def inner():
    return await Request("double", 5)
async def middle():
    return [await inner(), await inner()]
async def outer():
    return sum(await middle())
print(run(outer()))
