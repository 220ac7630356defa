# Exceptions: hierarchy, chaining, finally, custom classes, tracebacks in caught exceptions.
class AppError(Exception):
    pass
class DetailedError(AppError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
try:
    raise DetailedError(404, "not found")
except AppError as e:
    print(type(e).__name__, e, e.args, e.code, repr(e))
def order():
    log = []
    try:
        log.append("try")
        raise ValueError("x")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(order())
def ret_in_finally():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(ret_in_finally())
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__), e.__suppress_context__)
try:
    try:
        [][1]
    except IndexError:
        raise KeyError("during")
except KeyError as e:
    print(repr(e), "| context:", repr(e.__context__), "| cause:", e.__cause__)
try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("outer") from None
except TypeError as e:
    print(e, e.__cause__, e.__suppress_context__, repr(e.__context__))
for exc in [ValueError(), ValueError("a"), ValueError("a", 2), KeyError("k"), KeyError(), OSError(2, "nf"), StopIteration(5)]:
    print(repr(exc), "|", str(exc), "|", exc.args)
print(StopIteration(5).value, StopIteration().value)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(TimeoutError, OSError))
print(ExceptionGroup.__mro__)
print([c.__name__ for c in RecursionError.__mro__], [c.__name__ for c in ConnectionResetError.__mro__])
def reraiser():
    try:
        raise ValueError("first")
    except ValueError:
        raise
try:
    reraiser()
except ValueError as e:
    print("reraised", e)
def nested_finally():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("finally", i)
nested_finally()
try:
    raise TypeError
except TypeError as e:
    print("class raised:", repr(e))
e_saved = None
try:
    raise ValueError("kept")
except ValueError as e:
    e_saved = e
print(repr(e_saved), e_saved.__traceback__ is not None)
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    1 + "a"
except TypeError as e:
    print("TypeError:", e)
try:
    int("nope")
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    {}.pop("missing")
except KeyError as e:
    print("KeyError:", e)
try:
    None.attr
except AttributeError as e:
    print("AttributeError:", e)
try:
    x = 2 ** 40
except OverflowError as e:
    print("OverflowError")
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e)
try:
    raise ExceptionGroup("grp", [ValueError(1), TypeError(2)])
except* ValueError as eg:
    print("caught values", repr(eg.exceptions))
except* TypeError as eg:
    print("caught types", repr(eg.exceptions))
class Ctx:
    def __enter__(self): return self
    def __exit__(self, *a):
        print("exit sees", a[0].__name__)
        return False
try:
    with Ctx():
        raise KeyError("in with")
except KeyError as e:
    print("after with", e)
print("done")
