def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
def g():
    try:
        return 1
    finally:
        return 2
print(g())
def h():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("fin", i)
    else:
        print("no break")
    return i
print(h())
def k():
    for i in range(3):
        try:
            continue
        finally:
            print("cont fin", i)
k()
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("bad") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("during")
except RuntimeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        raise TypeError("a")
    except TypeError:
        raise ValueError("b") from None
except ValueError as e:
    print(e.__suppress_context__, repr(e.__context__))
e = None
try:
    raise KeyError("x")
except KeyError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[1]}"
try:
    raise MyErr(404, "missing")
except MyErr as e:
    print(e, repr(e), e.args)
print(repr(Exception()), str(Exception()), repr(Exception("a", 1)), str(Exception("a", 1)), str(KeyError("k")), str(KeyError()))
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3)])])
print(eg, repr(eg.exceptions[2]))
try:
    raise eg
except* ValueError as g:
    print("values:", repr(g))
except* TypeError as g:
    print("types:", g.exceptions)
try:
    try:
        raise ExceptionGroup("x", [KeyError(1), OSError(2)])
    except* KeyError:
        print("handled key")
except ExceptionGroup as rest:
    print("left:", repr(rest))
match_, rest = eg.split(ValueError)
print(match_, "|", rest)
print(eg.subgroup(lambda e: isinstance(e, TypeError)))
e1 = ValueError("note me")
e1.add_note("first note")
e1.add_note("second")
print(e1.__notes__)
try:
    raise ExceptionGroup("bad", [1])
except ValueError as te:
    print("ValueError:", te)
try:
    ExceptionGroup("bad", 5)
except TypeError as te:
    print("TypeError:", te)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as te:
    print("TypeError:", te)
print(repr(BaseExceptionGroup("b", [KeyboardInterrupt()])), type(BaseExceptionGroup("e", [ValueError()])).__name__)
try:
    raise ExceptionGroup("empty", [])
except ValueError as ve:
    print("ValueError:", ve)
def gen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("gen caught", e)
        yield "recovered"
    finally:
        print("gen finally")
gi = gen()
print(next(gi), gi.throw(ValueError("boom")))
gi.close()
with open if False else __builtins__.__class__ if False else type("CM", (), {"__enter__": lambda s: "entered", "__exit__": lambda s, *a: print("exit", a[0].__name__ if a[0] else None) or True})() as v:
    print(v)
    raise IndexError
print("suppressed")
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("AssertionError:", e)
try:
    raise StopIteration
except Exception as e:
    print(type(e).__mro__)
print(issubclass(KeyError, LookupError), issubclass(TimeoutError, OSError), issubclass(ExceptionGroup, BaseExceptionGroup))
import asyncio
print(asyncio.TimeoutError is TimeoutError, asyncio.CancelledError.__mro__)
