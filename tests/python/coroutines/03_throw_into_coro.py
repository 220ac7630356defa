# throw() and close() on coroutines suspended at an await.
import types
@types.coroutine
def suspend():
    yield "suspended"
async def careful():
    try:
        await suspend()
        return "normal"
    except ValueError as e:
        return f"recovered from {e}"
    finally:
        print("careful finally")
c = careful()
print(c.send(None))
try:
    c.throw(ValueError("injected"))
except StopIteration as e:
    print("result:", e.value)
c2 = careful()
c2.send(None)
try:
    c2.throw(KeyError("not handled"))
except KeyError as e:
    print("propagated:", repr(e))
async def closes():
    try:
        await suspend()
    except GeneratorExit:
        print("GeneratorExit in coroutine")
        raise
c3 = closes()
c3.send(None)
c3.close()
print("closed")
async def outer():
    try:
        return await careful()
    except ValueError:
        return "outer never sees it"
c4 = outer()
print(c4.send(None))
try:
    c4.throw(ValueError("deep"))
except StopIteration as e:
    print("outer result:", e.value)
async def reraiser():
    try:
        await suspend()
    except ValueError as e:
        raise RuntimeError("wrapped") from e
c5 = reraiser()
c5.send(None)
try:
    c5.throw(ValueError("original"))
except RuntimeError as e:
    print(repr(e), "cause:", repr(e.__cause__))
