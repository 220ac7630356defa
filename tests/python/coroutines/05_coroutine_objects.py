# Coroutine object details: names, repr-free checks, awaiting twice, never-awaited warnings avoided.
import types
async def simple():
    return 1
c = simple()
print(type(c).__name__, c.__name__, c.__qualname__)
print(hasattr(c, "send"), hasattr(c, "throw"), hasattr(c, "close"), hasattr(c, "__await__"))
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
async def awaits(coro):
    return await coro
done = simple()
try:
    done.send(None)
except StopIteration:
    pass
try:
    awaits(done).send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
@types.coroutine
def gen_based():
    yield 1
    return "gen-based result"
async def uses_gen_based():
    return await gen_based()
u = uses_gen_based()
print(u.send(None))
try:
    u.send(None)
except StopIteration as e:
    print(e.value)
def plain_gen():
    yield 1
async def await_plain():
    await plain_gen()
try:
    await_plain().send(None)
except TypeError as e:
    print("TypeError:", e)
class Method:
    async def run(self, x):
        return x * 2
m = Method().run(21)
print(m.__qualname__)
try:
    m.send(None)
except StopIteration as e:
    print(e.value)
lam = (lambda: simple())()
lam.close()
print("closed")
