# Driving a coroutine by hand: send(None) runs it to its first suspension.
import asyncio
import types


@types.coroutine
def suspend(tag):
    got = yield tag
    return got


async def worker():
    print("worker: start")
    a = await suspend("first")
    print("worker: got", a)
    try:
        b = await suspend("second")
    except KeyError as e:
        print("worker: caught", repr(e))
        b = "fallback"
    try:
        await suspend("third")
    finally:
        print("worker: finally (close)")
    return a + b


c = worker()
print("send(None) ->", c.send(None))
print("send('A') ->", c.send("A"))
print("throw ->", c.throw(KeyError("k")))
c.close()
print("closed; cr_frame:", c.cr_frame)
c2 = worker()
c2.send(None)
c2.send("x")
print("send('y') ->", c2.send("y"))
try:
    c2.send(None)
except StopIteration as e:
    print("StopIteration value:", e.value)
try:
    c2.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
