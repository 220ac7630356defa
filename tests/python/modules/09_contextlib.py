# contextlib: contextmanager, suppress, closing, nullcontext, ExitStack.
import contextlib
@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("div") as t:
    print("inside", t)
try:
    with tag("p"):
        raise ValueError("in body")
except ValueError as e:
    print("propagated:", e)
@contextlib.contextmanager
def handled():
    try:
        yield
    except KeyError as e:
        print("handled inside cm:", repr(e))
with handled():
    raise KeyError("k")
print("continues")
with contextlib.suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
with contextlib.suppress(KeyError):
    print("no exception")
class Res:
    def close(self):
        print("Res closed")
with contextlib.closing(Res()) as r:
    print("using", type(r).__name__)
with contextlib.nullcontext("value") as v:
    print(v)
with contextlib.ExitStack() as stack:
    for n in ["a", "b"]:
        stack.enter_context(tag(n))
    stack.callback(print, "callback ran")
    print("body of ExitStack")
@contextlib.contextmanager
def bad():
    yield
    yield
try:
    with bad():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
@contextlib.contextmanager
def never_yields():
    if False:
        yield
try:
    with never_yields():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
