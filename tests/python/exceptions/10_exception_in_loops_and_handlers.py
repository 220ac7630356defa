# Exceptions interacting with loops: continue/break in except, else of loops, nested retries.
results = []
for value in ["1", "x", "3", None, "5"]:
    try:
        n = int(value)
    except ValueError:
        results.append("bad")
        continue
    except TypeError:
        results.append("none")
        break
    else:
        results.append(n * 2)
    finally:
        results.append("|")
print(results)
class Found(Exception):
    pass
def locate(matrix, target):
    try:
        for r, row in enumerate(matrix):
            for c, v in enumerate(row):
                if v == target:
                    raise Found(r, c)
    except Found as f:
        return f.args
    return None
print(locate([[1, 2], [3, 4]], 4), locate([[1]], 9))
attempts = {"a": 3, "b": 1}
log = []
for name, fails in attempts.items():
    for attempt in range(1, 4):
        try:
            if attempt <= fails:
                raise ConnectionError(f"{name} attempt {attempt}")
            log.append(f"{name} ok on {attempt}")
            break
        except ConnectionError as e:
            log.append(str(e))
    else:
        log.append(f"{name} gave up")
print(log)
def nested_handlers():
    try:
        try:
            raise ValueError("inner")
        except ValueError as e:
            try:
                raise TypeError("handler failed") from e
            except TypeError as t:
                return f"recovered {t} (cause {t.__cause__})"
    except Exception:
        return "outer"
print(nested_handlers())
try:
    for i in range(3):
        try:
            if i == 1:
                raise KeyError(i)
        finally:
            print("finally", i)
except KeyError as e:
    print("loop aborted by", repr(e))
