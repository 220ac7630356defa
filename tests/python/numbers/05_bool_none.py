# bool is a subclass of int; None; and/or return operands.
print(True == 1, False == 0, True is True, isinstance(True, int), issubclass(bool, int))
print(True + 1, sum([True, True, False]), True * 3.5)
print(bool(), bool(0), bool(1), bool("x"), bool([]), bool(None))
print(str(True), repr(False), type(True).__name__)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or 0)
print([] and "x", "a" and "b" and "c", None and 1/0)
print(not None, not 0, not "a", not not [])
print(None is None, None == None, type(None).__name__, repr(None), str(None))
def f():
    pass
print(f() is None)
d = {True: "yes", 1: "one", 1.0: "float one"}
print(d)
print(hash(True) == hash(1), {1, True, 1.0})
print(True & False, True | False, True ^ True, ~True)
print(int(True), float(True), -False)
print(max(True, 0), min(False, True), sorted([True, False, 2, -1]))
x = 5
print(x > 3 and "big" or "small", x < 3 and "big" or "small")
calls = []
def t(v):
    calls.append(v)
    return v
print(t(0) and t(1), t(1) or t(2), t(0) or t(0) or t(3))
print(calls)
print(bool.__name__, True.__class__.__name__)
