# A class's __dict__ (and vars(cls)) as course material prints it to show class vs
# instance attributes: a read-only mappingproxy over the class namespace, in body order,
# with what type() adds (slot members, __dict__/__weakref__ descriptors, __doc__, __hash__).
import dataclasses


class Dog:
    kind = "canine"

    def __init__(self, name):
        self.name = name

    def bark(self):
        return "woof"


class Puppy(Dog):
    age = 0


class Point:
    """A point."""
    x: int = 0
    y: int

    def __eq__(self, other):
        return True


class Slotted:
    __slots__ = ("b", "a", "__private")


class Both:
    __slots__ = ("v", "__dict__")


print(list(Dog.__dict__))
print(list(Puppy.__dict__))
print(Puppy.__dict__)
print(list(Point.__dict__))
print(Point.__dict__["__annotations__"], Point.__dict__["__doc__"], Point.__dict__["__hash__"])
print(Slotted.__dict__)
print(list(Both.__dict__))
print(Dog.__dict__["__dict__"], Dog.__dict__["__weakref__"])
print(type(Dog.__dict__["__dict__"]), type(Slotted.__dict__["a"]))
print(Slotted.a, Slotted.__dict__["a"] is Slotted.a, Dog.__weakref__, Puppy.__weakref__)

# Subclasses of built-ins get what their base lacks.
class MyInt(int): pass
class MyList(list): pass
class MyTuple(tuple): pass
class MyError(Exception): pass
class MySet(set): pass
class Meta(type): pass
for c in (MyInt, MyList, MyTuple, MyError, MySet, Meta):
    print(c.__name__, list(c.__dict__))

# Mixed layouts: the slotted base is the "best base".
class Mixed(Slotted, Dog): pass
print(list(Mixed.__dict__))

# type(name, bases, ns): __module__ after the namespace's keys.
Made = type("Made", (Dog,), {"z": 1})
print(Made.__dict__, Made.__module__)

# The proxy: type, repr, str, read methods.
d = Dog.__dict__
print(type(d), type(vars(Dog)), vars(Dog) == d, d is Dog.__dict__)
print(repr(Puppy.__dict__))
print(str(Puppy.__dict__))
print(len(d), "kind" in d, "name" in d, d["kind"], d.get("kind"), d.get("nope", "-"))
print(list(d.keys()), [type(v).__name__ for v in d.values()])
print([(k, type(v).__name__) for k, v in d.items()])
print([k for k in d], sorted(d), list(reversed(d)))
print(type(d.copy()), d.copy() == d, type(d | {}), type({} | d), (d | {"kind": 2})["kind"])
print(d == dict(d), dict(d) == d, d != {}, isinstance(d, dict))
match d:
    case {"kind": k}:
        print("matched", k)

# Read-only.
try:
    Dog.__dict__["legs"] = 4
except TypeError as e:
    print("TypeError:", e)
try:
    del Dog.__dict__["kind"]
except TypeError as e:
    print("TypeError:", e)
try:
    d |= {}
except TypeError as e:
    print("TypeError:", e)
try:
    Dog.__dict__.pop("kind")
except AttributeError as e:
    print("AttributeError:", e)
try:
    hash(d)
except TypeError as e:
    print("TypeError:", e)
try:
    d["nope"]
except KeyError as e:
    print("KeyError:", e)

# It is a view: class changes show in a proxy read before them.
Dog.legs = 4
del Dog.kind
print(list(d), "legs" in d)
Dog.kind = "wolf"
print(list(d)[-2:], d["kind"])

# Class vs instance attributes, the way courses show them.
rex = Dog("Rex")
print(vars(rex), "name" in vars(Dog), "bark" in vars(Dog), "bark" in vars(rex))
print(Dog.__dict__["__dict__"].__get__(rex), Dog.__dict__["__dict__"].__name__)
print(Dog.__doc__, Puppy.__doc__, Point.__doc__, rex.__doc__)


@dataclasses.dataclass
class Item:
    name: str
    qty: int = 0


print(list(Item.__dict__))
print(type(Item.__dict__["__dataclass_fields__"]), Item.__dict__["qty"])
