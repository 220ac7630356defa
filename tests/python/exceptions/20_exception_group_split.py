# ExceptionGroup.split/subgroup/derive, nested groups, metadata kept, except* on nested groups.
eg = ExceptionGroup("top", [OSError("disk"), ValueError("v1"),
                            ExceptionGroup("inner", [ValueError("v2"), KeyError("k")])])
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(eg.split(OSError)[0].exceptions, eg.split((KeyError, OSError)))
print(eg.subgroup(lambda e: isinstance(e, KeyError)))
print(eg.subgroup(TypeError), eg.split(TypeError)[1] is eg, eg.split(Exception)[0] is eg)
print(eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner"))
d = eg.derive([ZeroDivisionError()])
print(type(d).__name__, d.message, d.exceptions)
b = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()])
print(type(b).__name__, type(b.split(ValueError)[0]).__name__, type(b.split(ValueError)[1]).__name__)
try:
    eg.split(3)
except TypeError as e:
    print("TypeError:", e)
try:
    eg.split()
except TypeError as e:
    print("TypeError:", e)

try:
    raise eg from OSError("cause")
except ExceptionGroup as caught:
    caught.add_note("a note") if hasattr(caught, "add_note") else None
    m, r = caught.split(KeyError)
    print(repr(m.__cause__), m.__traceback__ is not None, getattr(m, "__notes__", None))

try:
    raise ExceptionGroup("g", [ValueError(1), ExceptionGroup("n", [ValueError(2), TypeError(3)])])
except* ValueError as g:
    print("ValueError part:", repr(g))
except* TypeError as g:
    print("TypeError part:", repr(g))


class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)


mg = MyGroup("mine", [ValueError(1), KeyError(2)])
print(repr(mg.split(ValueError)[0]), type(mg.subgroup(KeyError)).__name__)
