# Exceptions used for control flow and EAFP patterns.
def parse_int(s, default=None):
    try:
        return int(s)
    except (TypeError, ValueError):
        return default
print([parse_int(s, -1) for s in ["1", "x", None, "  7 ", "3.5"]])
config = {"port": "8080"}
try:
    host = config["host"]
except KeyError:
    host = "localhost"
print(host, config.get("port"))
def first_even(nums):
    for n in nums:
        if n % 2 == 0:
            return n
    raise LookupError("no even number")
for nums in ([1, 3, 4], [1, 3]):
    try:
        print(first_even(nums))
    except LookupError as e:
        print("LookupError:", e)
class Retry(Exception):
    pass
attempts = 0
def flaky():
    global attempts
    attempts += 1
    if attempts < 3:
        raise Retry(f"attempt {attempts} failed")
    return "success"
while True:
    try:
        print(flaky())
        break
    except Retry as e:
        print("retrying after:", e)
errors = []
for item in [1, "2", None, 4.5, []]:
    try:
        errors.append(item + 1)
    except TypeError as e:
        errors.append(type(e).__name__)
print(errors)
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        return f"error: {e}"
    finally:
        pass
print(safe_div(1, 2), safe_div(1, 0))
try:
    int("bad")
except Exception as e:
    print(isinstance(e, ValueError), type(e) is ValueError, e.__class__.__name__)
