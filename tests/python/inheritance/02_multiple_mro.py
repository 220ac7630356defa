# Multiple inheritance, MRO and cooperative super() calls.
class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print(D().who())
print([k.__name__ for k in D.__mro__])
class Base:
    def __init__(self, **kw):
        self.parts = ["Base"]
class Left(Base):
    def __init__(self, left=0, **kw):
        super().__init__(**kw)
        self.parts.append(f"Left({left})")
class Right(Base):
    def __init__(self, right=0, **kw):
        super().__init__(**kw)
        self.parts.append(f"Right({right})")
class Both(Left, Right):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.parts.append("Both")
print(Both(left=1, right=2).parts)
print([k.__name__ for k in Both.__mro__])
class Mixin:
    def to_dict(self):
        return dict(vars(self))
class JsonMixin:
    def to_json(self):
        return "{" + ", ".join(f'"{k}": {v!r}' for k, v in self.to_dict().items()) + "}"
class Point(Mixin, JsonMixin):
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, 2).to_dict(), Point(3, 4).to_json())
class X: pass
class Y: pass
class Z(X, Y): pass
print([k.__name__ for k in Z.__mro__], issubclass(Z, Y))
try:
    class Bad(X, Z):
        pass
except TypeError as e:
    print("TypeError:", e)
class P1:
    val = "P1"
class P2:
    val = "P2"
class Q(P1, P2):
    pass
class R(P2, P1):
    pass
print(Q.val, R.val)
