# try/except/else/finally control flow in all combinations.
def run(action):
    log = []
    try:
        log.append("try")
        if action == "raise":
            raise ValueError("boom")
        if action == "return":
            return log + ["returned"]
        log.append("try end")
    except ValueError as e:
        log.append(f"except {e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log
for action in ["ok", "raise", "return"]:
    print(action, run(action))
def loop_flow():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop_flow())
def nested():
    try:
        try:
            raise KeyError("inner")
        except ValueError:
            print("wrong handler")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", repr(e))
nested()
try:
    pass
except Exception:
    print("never")
else:
    print("else without exception")
try:
    raise TypeError("t")
except (ValueError, TypeError) as e:
    print("tuple catch", type(e).__name__, e)
try:
    [][1]
except LookupError as e:
    print("base class catch", type(e).__name__, e)
e = "keep"
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def finally_swallows():
    for _ in range(1):
        try:
            raise ValueError("lost")
        finally:
            break
    return "swallowed by break"
print(finally_swallows())
