# Class-level registries, __init__ side effects and identity comparisons without ids.
class Widget:
    registry = []
    next_id = 1
    def __init__(self, name):
        self.name = name
        self.id = Widget.next_id
        Widget.next_id += 1
        Widget.registry.append(self)
    def __repr__(self):
        return f"<Widget {self.id}:{self.name}>"
    @classmethod
    def find(cls, name):
        for w in cls.registry:
            if w.name == name:
                return w
        return None
a = Widget("button")
b = Widget("slider")
c = Widget("button")
print(Widget.registry, Widget.next_id)
print(Widget.find("button") is a, Widget.find("slider"), Widget.find("nope"))
print(a == c, a is c, a.name == c.name)
print(sorted(Widget.registry, key=lambda w: (w.name, -w.id)))
print({w.name: w.id for w in Widget.registry})
class Singleton:
    _instance = None
    def __new__(cls):
        if cls._instance is None:
            print("creating instance")
            cls._instance = super().__new__(cls)
        return cls._instance
s1 = Singleton()
s2 = Singleton()
print(s1 is s2)
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Point(1, 2)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
print(p.x, p.y)
