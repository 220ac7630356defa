from contextlib import (contextmanager, asynccontextmanager, suppress, closing, nullcontext,
                        ExitStack, AsyncExitStack, ContextDecorator, aclosing)
import contextlib

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

with tag("a") as t:
    print("body", t)

try:
    with tag("b"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)

@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))

with swallow():
    raise KeyError("k")
print("after swallow")

@contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError", e)

@contextmanager
def two_yields():
    yield 1
    yield 2
try:
    with two_yields():
        pass
except RuntimeError as e:
    print("RuntimeError", e)

@tag("deco")
def decorated(x):
    print("inside decorated", x)
    return x * 2
print(decorated(21))
print(tag.__name__, type(tag("z")).__name__)

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
try:
    with suppress(KeyError):
        raise IndexError("not suppressed")
except IndexError as e:
    print("IndexError", e)

class Res:
    def close(self):
        print("closed")
with closing(Res()) as r:
    print("using", type(r).__name__)

with nullcontext(5) as v:
    print("null", v)
with nullcontext() as v:
    print("null", v)

with ExitStack() as stack:
    for n in ["x", "y", "z"]:
        print("entered", stack.enter_context(tag(n)))
    stack.callback(print, "callback ran", 1)
    print("stack body")

def cleanup_order():
    with ExitStack() as stack:
        stack.callback(lambda: print("first registered"))
        stack.callback(lambda: print("second registered"))
        raise RuntimeError("in stack")
try:
    cleanup_order()
except RuntimeError as e:
    print("RuntimeError", e)

with ExitStack() as stack:
    stack.push(lambda *exc: True)
    raise ValueError("suppressed by push")
print("after push")

class Timer(ContextDecorator):
    def __enter__(self):
        print("timer start")
        return self
    def __exit__(self, *exc):
        print("timer stop", exc[0])
        return False
@Timer()
def work():
    print("working")
work()

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

@asynccontextmanager
async def atag(name):
    print(f"async <{name}>")
    try:
        yield name * 2
    finally:
        print(f"async </{name}>")

async def main():
    async with atag("q") as v:
        print("async body", v)
    try:
        async with atag("err"):
            raise KeyError("async boom")
    except KeyError as e:
        print("async caught", e)
    async with AsyncExitStack() as stack:
        v1 = await stack.enter_async_context(atag("s1"))
        v2 = await stack.enter_async_context(atag("s2"))
        stack.push_async_callback(acb, "cb arg")
        print("async stack body", v1, v2)
    async with nullcontext("n") as n:
        print("async null", n)
    return "done"

async def acb(x):
    print("async callback", x)

print(run(main()))

@asynccontextmanager
async def swallow_async():
    try:
        yield
    except ZeroDivisionError:
        print("async swallowed")
async def main2():
    async with swallow_async():
        1 / 0
    print("after async swallow")
run(main2())
