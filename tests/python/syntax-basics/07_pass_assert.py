# pass, assert (with and without messages), semicolons and line continuation.
def nothing():
    pass
print(nothing())
class Empty:
    pass
print(type(Empty()).__name__)
assert True
assert 1 == 1, "math works"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert False, "custom message"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert [], ("tuple", 1)
except AssertionError as e:
    print("args:", e.args)
a = 1; b = 2; c = a + b
print(a, b, c)
total = 1 + \
    2 + \
    3
print(total)
nums = [
    1,
    2,
    3,
]
print(nums)
result = (1
          + 2
          * 3)
print(result)
d = {
    "a": 1,  # a comment
    "b": 2,
}
print(d)
if (a == 1 and
        b == 2):
    print("multi-line condition")
s = ("implicit "
     "concatenation")
print(s)
