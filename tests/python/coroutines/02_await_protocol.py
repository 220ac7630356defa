# __await__ objects and types.coroutine generator-based coroutines yielding to a driver.
import types
class Suspend:
    def __init__(self, label):
        self.label = label
    def __await__(self):
        got = yield self.label
        return f"{self.label}->{got}"
@types.coroutine
def pause(tag):
    value = yield ("pause", tag)
    return value
async def worker():
    a = await Suspend("first")
    print("worker got", a)
    b = await pause("second")
    print("worker got", b)
    return [a, b]
coro = worker()
print("yielded:", coro.send(None))
print("yielded:", coro.send("X"))
try:
    coro.send("Y")
except StopIteration as e:
    print("done:", e.value)
def drive(coro, replies):
    log = []
    value = None
    try:
        while True:
            request = coro.send(value)
            log.append(request)
            value = replies.get(request if isinstance(request, str) else request[1], "default")
    except StopIteration as e:
        return log, e.value
print(drive(worker(), {"first": 1, "second": 2}))
class Ready:
    def __await__(self):
        return iter([])
async def instant():
    return await Ready()
print(drive(instant(), {}))
class BadAwait:
    def __await__(self):
        return 5
async def bad():
    await BadAwait()
try:
    bad().send(None)
except TypeError as e:
    print("TypeError:", e)
async def await_int():
    await 5
try:
    await_int().send(None)
except TypeError as e:
    print("TypeError:", e)
