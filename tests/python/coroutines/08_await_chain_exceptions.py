# Exceptions crossing several awaits; finally blocks in each frame; results via StopIteration.
import types
@types.coroutine
def checkpoint(name):
    reply = yield name
    if isinstance(reply, BaseException):
        raise reply
    return reply
async def level3():
    try:
        return await checkpoint("level3")
    finally:
        print("level3 finally")
async def level2():
    try:
        v = await level3()
        return f"l2({v})"
    except KeyError as e:
        return f"l2 handled {e!r}"
async def level1():
    try:
        return "l1(" + await level2() + ")"
    finally:
        print("level1 finally")
def drive(coro, reply):
    print("suspended at", coro.send(None))
    try:
        coro.send(reply)
    except StopIteration as e:
        print("result:", e.value)
    except Exception as e:
        print("raised:", type(e).__name__, e)
drive(level1(), "ok")
drive(level1(), KeyError("k"))
drive(level1(), ValueError("v"))
c = level1()
c.send(None)
try:
    c.throw(KeyError("thrown"))
except StopIteration as e:
    print("after throw:", e.value)
async def gather_like(*coros):
    results = []
    for co in coros:
        try:
            results.append(await co)
        except Exception as e:
            results.append(f"{type(e).__name__}: {e}")
    return results
async def ok(v):
    return v
async def bad(msg):
    raise RuntimeError(msg)
try:
    gather_like(ok(1), bad("boom"), ok(3)).send(None)
except StopIteration as e:
    print(e.value)
