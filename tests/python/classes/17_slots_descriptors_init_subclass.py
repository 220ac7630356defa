class Temp:
    __slots__ = ("_c",)
    def __init__(self, c):
        self._c = c
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @f.setter
    def f(self, v):
        self._c = (v - 32) * 5 / 9
    def __repr__(self):
        return f"Temp({self._c!r})"
    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.f, spec[:-1]) + "°F"
        return format(self._c, spec) + "°C"

t = Temp(21.5)
print(t, f"{t:.1f}", f"{t:.2fF}", f"{t!r:>15}|")
t.f = 100
print(t)
try:
    t.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(Temp.__slots__, hasattr(t, "__dict__"))
try:
    del t.f
except AttributeError as e:
    print("AttributeError:", e)

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        if not isinstance(o, Point):
            return NotImplemented
        return (self.x, self.y) == (o.x, o.y)
print(Point(1, 2) == Point(1, 2), Point(1, 2) != Point(1, 3), Point(1,2) == (1,2))
try:
    {Point(1, 2)}
except TypeError as e:
    print("TypeError:", e)
print(Point.__hash__)

class Base:
    registry = []
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.registry.append(cls.__name__)
class A(Base, tag="a"): pass
class B(A): pass
print(Base.registry, A.tag, B.tag)

class Desc:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        if value < 0:
            raise ValueError(f"{self.name[1:]} must be >= 0, got {value}")
        setattr(obj, self.name, value)
class Account:
    balance = Desc()
a = Account()
print(a.balance)
a.balance = 10
print(a.balance, type(Account.balance).__name__)
try:
    a.balance = -5
except ValueError as e:
    print(e)
print(vars(a))

class Animal:
    sound = "..."
    def speak(self):
        return f"{type(self).__name__} says {self.sound}"
    def __str__(self):
        return self.speak()
class Dog(Animal):
    sound = "woof"
    def speak(self):
        return super().speak().upper()
print(Dog(), str(Animal()), repr(Dog())[:10])
print(Dog.__mro__)
print(Dog.__qualname__, Dog.speak.__qualname__)
