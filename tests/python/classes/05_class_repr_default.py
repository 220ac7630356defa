# Default behaviours: equality is identity, truthiness, str falls back to repr.
class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, bool(a), a is not b)
print(str(a) == repr(a), repr(a).startswith("<__main__.Plain object at 0x"))
print(type(a).__name__, type(a).__qualname__, Plain.__module__)
class WithRepr:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"WithRepr({self.v!r})"
w = WithRepr("x")
print(w, str(w), [w], f"{w}", "%s" % w)
class WithEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, WithEq) and self.v == other.v
print(WithEq(1) == WithEq(1), WithEq(1) != WithEq(2), WithEq(1) == 1)
try:
    hash(WithEq(1))
except TypeError as e:
    print("TypeError:", e)
print(WithEq.__hash__ is None)
class Nested:
    class Inner:
        value = 7
    def make(self):
        return self.Inner()
print(Nested.Inner.value, Nested().make().value, Nested.Inner.__qualname__)
print(isinstance(Plain, type), type(Plain).__name__, type(type).__name__)
print(issubclass(Plain, object), isinstance(a, object))
