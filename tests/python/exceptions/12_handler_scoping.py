# The `as` name is deleted after the handler; nested handlers; else/finally ordering with continue.
e = "outer value"
try:
    raise ValueError("inner")
except ValueError as e:
    print("in handler:", e)
print("e exists after handler:", "e" in globals())
def nested():
    try:
        raise KeyError("a")
    except KeyError as err:
        try:
            raise IndexError("b")
        except IndexError as err:
            print("inner err:", repr(err))
        try:
            print(err)
        except NameError as ne:
            print("NameError:", ne)
nested()
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    except Exception:
        print("never")
    else:
        print("else", i)
    finally:
        print("finally", i)
def finally_continue():
    out = []
    for i in range(3):
        try:
            out.append(i)
            raise ValueError(i)
        except ValueError:
            out.append("caught")
        finally:
            if i == 1:
                continue
            out.append("fin")
    return out
print(finally_continue())
try:
    try:
        raise ValueError("one")
    except ValueError:
        raise
    finally:
        print("finally during propagation")
except ValueError as outer:
    print("outer caught", outer)
def except_else_raises():
    try:
        pass
    except Exception:
        return "except"
    else:
        raise RuntimeError("from else")
try:
    except_else_raises()
except RuntimeError as exc:
    print(exc, exc.__context__)
