# raise forms: class vs instance, re-raise, raise from, raise from None, args.
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")
try:
    raise ValueError("a", 2)
except ValueError as e:
    print(repr(e), e.args, str(e))
def reraiser():
    try:
        1 / 0
    except ZeroDivisionError:
        print("logging and re-raising")
        raise
try:
    reraiser()
except ZeroDivisionError as e:
    print("outer got", repr(e))
try:
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("lookup failed") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("hidden context") from None
except RuntimeError as e:
    print(repr(e), e.__cause__, e.__suppress_context__, repr(e.__context__))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
err = KeyError("stored")
for attempt in range(2):
    try:
        raise err
    except KeyError as e:
        print(attempt, e is err, repr(e))
e2 = ValueError("with note")
print(e2.args, e2.__traceback__ is None, e2.__cause__, e2.__context__)
class Custom(Exception):
    pass
try:
    raise Custom("c") from ValueError("v")
except Custom as e:
    print(type(e.__cause__).__name__, e.__cause__)
