# __context__ set implicitly, across finally blocks and nested handlers.
def chain(e):
    out = []
    while e is not None:
        out.append(f"{type(e).__name__}({e})")
        e = e.__cause__ or (None if e.__suppress_context__ else e.__context__)
    return " <- ".join(out)
try:
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError:
            raise KeyError("third")
except KeyError as e:
    print(chain(e))
try:
    try:
        raise ValueError("in try")
    finally:
        raise RuntimeError("in finally")
except RuntimeError as e:
    print(chain(e))
try:
    try:
        raise ValueError("v")
    except ValueError as e:
        raise e
except ValueError as e:
    print(chain(e), e.__context__)
try:
    try:
        raise ValueError("a")
    except ValueError as a:
        raise TypeError("b") from a
except TypeError as e:
    print(chain(e), e.__context__ is e.__cause__)
def handler():
    try:
        raise OSError("disk")
    except OSError:
        return "handled"
print(handler())
try:
    raise ValueError("fresh")
except ValueError as e:
    print(e.__context__)
try:
    try:
        raise KeyError("x")
    except KeyError:
        pass
    raise ValueError("after handled")
except ValueError as e:
    print(e.__context__)
try:
    try:
        raise ValueError("a")
    except ValueError as a:
        raise TypeError("b") from None
except TypeError as e:
    print(chain(e), repr(e.__context__), e.__suppress_context__)
