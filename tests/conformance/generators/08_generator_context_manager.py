# contextlib.contextmanager: a generator with one yield becomes a with-statement.
import contextlib


@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ZeroDivisionError:
        print(f"  {name}: swallowed ZeroDivisionError")
    finally:
        print(f"</{name}>")


with tag("html") as t, tag("body"):
    print("  content", t)
with tag("div"):
    1 / 0
print("after div")
try:
    with tag("p"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
