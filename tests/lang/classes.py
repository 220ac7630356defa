# Classes: inheritance, MRO, super, properties, class/static methods, dunders.
class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return super().speak() + " (woof)"
class Puppy(Dog):
    def speak(self):
        return super(Dog, self).speak() + " [puppy]"
d = Dog("rex")
p = Puppy("bit")
print(d, p, d.speak(), p.speak(), Animal.count, d.kind, Animal.kind)
print(isinstance(p, Animal), issubclass(Puppy, Dog), type(p) is Puppy, Puppy.__mro__)
print([c.__name__ for c in Puppy.__mro__], Puppy.__bases__, Puppy.__name__, Dog.__qualname__)
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B>" + super().who()
class C(A):
    def who(self): return "C>" + super().who()
class D(B, C):
    def who(self): return "D>" + super().who()
print(D().who(), [k.__name__ for k in D.mro()])
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @staticmethod
    def unit():
        return "C"
    @classmethod
    def make(cls, v):
        t = cls()
        t.c = v
        return t
t = Temp.make(20)
print(t.c, Temp.unit(), t.unit())
try:
    t.c = -300
except ValueError as e:
    print("ValueError:", e)
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __bool__(self):
        return bool(self.x or self.y)
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __call__(self, z):
        return self.x + self.y + z
    def __neg__(self):
        return Vec(-self.x, -self.y)
v = Vec(1, 2)
w = Vec(3, 4)
print(v + w, v * 3, 2 * v, v == Vec(1, 2), v != w, v < w, sorted([w, v]), len(v), v[1], list(v), bool(Vec(0, 0)), 2 in v, v(10), -v)
try:
    hash(v)
except TypeError as e:
    print("TypeError:", e)
class Bag:
    def __init__(self):
        self.items = {}
    def __setitem__(self, k, val):
        self.items[k] = val
    def __getitem__(self, k):
        return self.items[k]
    def __delitem__(self, k):
        del self.items[k]
    def __iadd__(self, other):
        self.items[len(self.items)] = other
        return self
b = Bag()
b["a"] = 1
b += "x"
print(b["a"], b.items)
del b["a"]
print(b.items)
class Dyn:
    def __getattr__(self, name):
        return name.upper()
print(Dyn().hello)
class Slots:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, k, val):
        self.log.append(k)
        object.__setattr__(self, k, val)
s = Slots()
s.a = 1
s.b = 2
print(s.log, s.a)
class Plain:
    pass
print(repr(Plain()).startswith("<__main__.Plain object at 0x"), Plain.__name__, str(Plain) == "<class '__main__.Plain'>")
print(getattr(v, "x"), getattr(v, "zz", "dflt"), hasattr(v, "y"), hasattr(v, "nope"))
setattr(v, "z", 5)
print(v.z, vars(v))
class Counter:
    instances = []
    def __new__(cls, *args):
        obj = super().__new__(cls)
        cls.instances.append(obj)
        return obj
    def __init__(self, n):
        self.n = n
Counter(1); Counter(2)
print(len(Counter.instances), [c.n for c in Counter.instances])
class Base:
    def __init_subclass__(cls, **kw):
        print("subclass", cls.__name__)
class Sub(Base):
    pass
class Str:
    def __str__(self):
        return "STR"
    def __repr__(self):
        return "REPR"
    def __format__(self, spec):
        return f"FMT[{spec}]"
print(Str(), [Str()], f"{Str()}", f"{Str():abc}", str(Str()), repr(Str()))
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __hash__(self): return hash(self.v)
print(len({Eq(1), Eq(1), Eq(2)}), Eq(1) in [Eq(1)], {Eq(3): "x"}[Eq(3)])
try:
    Plain().missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Plain(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Vec(1, 2) < 3
except TypeError as e:
    print("TypeError:", e)
