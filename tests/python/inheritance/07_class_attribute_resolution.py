# Attribute resolution through the MRO: class vs instance attributes, shadowing methods, super chains.
class A:
    x = "A.x"
    def f(self):
        return "A.f"
    def g(self):
        return "A.g calls " + self.f()
class B(A):
    def f(self):
        return "B.f"
class C(A):
    x = "C.x"
    def g(self):
        return "C.g + " + super().g()
class D(B, C):
    pass
d = D()
print(d.x, d.f(), d.g())
print([k.__name__ for k in D.__mro__])
d.x = "instance x"
print(d.x, D.x, type(d).x)
del d.x
print(d.x)
d.f = lambda: "instance lambda"
print(d.f(), D.f(d), d.g())
class Counter:
    count = 0
    def inc(self):
        self.count += 1
        return self.count
c1, c2 = Counter(), Counter()
print(c1.inc(), c1.inc(), c2.inc(), Counter.count, c1.count, c2.count)
class Base:
    def __init__(self):
        self.setup()
    def setup(self):
        self.kind = "base"
class Derived(Base):
    def setup(self):
        super().setup()
        self.kind += "+derived"
print(Derived().kind, Base().kind)
class Meta:
    @classmethod
    def name(cls):
        return cls.__name__
    @staticmethod
    def static():
        return "static"
class Sub(Meta):
    pass
print(Sub.name(), Sub().name(), Sub.static(), Meta.name())
print(hasattr(Sub, "name"), "name" in Sub.__dict__, "name" in Meta.__dict__)
