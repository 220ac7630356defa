# Exception attributes: args, str/repr forms, KeyError repr, custom attributes.
for e in [ValueError(), ValueError("m"), ValueError("m", 1), KeyError("k"), KeyError(1), KeyError(), KeyError("a", "b"),
          IndexError("i"), StopIteration(5), OSError(2, "No such file"), Exception([1, 2]), RuntimeError(None)]:
    print(type(e).__name__, repr(e), "|", str(e), "|", e.args)
si = StopIteration(7)
print(si.value, StopIteration().value)
os_err = OSError(2, "No such file")
print(os_err.errno, os_err.strerror)
print(isinstance(FileNotFoundError(2, "x"), OSError), repr(FileNotFoundError(2, "gone")), str(FileNotFoundError(2, "gone")))
class Detailed(Exception):
    def __init__(self, field, value):
        super().__init__(f"bad {field}: {value!r}")
        self.field = field
        self.value = value
try:
    raise Detailed("age", -1)
except Detailed as e:
    print(e, e.field, e.value, e.args, repr(e))
class NoInit(Exception):
    pass
n = NoInit("a", "b")
print(n.args, str(n), repr(n))
class Override(Exception):
    def __init__(self):
        pass
print(repr(Override()), str(Override()), Override().args)
try:
    {}["missing"]
except KeyError as e:
    print(str(e), repr(e), e.args[0])
try:
    {}[""]
except KeyError as e:
    print(str(e), repr(e))
e = ValueError("x")
e.extra = 1
print(e.extra, hasattr(e, "args"), type(e).__mro__[1].__name__)
print(BaseException("b"), Exception.__name__, ArithmeticError("x"))
