# Native coroutines driven by hand with send(), await chains, types.coroutine, async generators.
import types

@types.coroutine
def suspend(value):
    got = yield value
    return got

async def leaf(x):
    r = await suspend(("leaf", x))
    return r * 2

async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return a + b

c = middle()
print(type(c).__name__, repr(c).startswith("<coroutine object middle at 0x"))
print(c.send(None))
print(c.send(10))
try:
    c.send(20)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
c2 = middle()
print(c2.send(None))
try:
    c2.throw(KeyError("boom"))
except KeyError as e:
    print("propagated", repr(e))
async def catcher():
    try:
        await suspend("waiting")
    except ValueError as e:
        return f"handled {e}"
c3 = catcher()
c3.send(None)
try:
    c3.throw(ValueError("bad"))
except StopIteration as e:
    print(e.value)
async def simple():
    return 42
try:
    simple().send(None)
except StopIteration as e:
    print("simple", e.value)
try:
    simple()[0]
except TypeError as e:
    print("TypeError:", e)
class Awaitable:
    def __await__(self):
        x = yield "from __await__"
        return x + 1
async def use_awaitable():
    return await Awaitable()
ua = use_awaitable()
print(ua.send(None))
try:
    ua.send(41)
except StopIteration as e:
    print("awaitable result", e.value)
async def agen():
    for i in range(3):
        v = await suspend(f"tick {i}")
        yield i * v
async def consume():
    out = []
    async for x in agen():
        out.append(x)
    return out
cc = consume()
step = cc.send(None)
results = []
try:
    while True:
        results.append(step)
        step = cc.send(10)
except StopIteration as e:
    print("async for result", e.value, results)
class ACM:
    async def __aenter__(self):
        print("aenter")
        return "resource"
    async def __aexit__(self, *exc):
        print("aexit", exc[0])
        return False
async def use_acm():
    async with ACM() as r:
        print("using", r)
    return "acm done"
try:
    use_acm().send(None)
except StopIteration as e:
    print(e.value)
async def bad_await():
    await 5
try:
    bad_await().send(None)
except TypeError as e:
    print("TypeError:", e)
co = simple()
co.close()
print("closed unstarted coroutine")
print(type(agen()).__name__)
