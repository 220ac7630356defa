# super() in various methods: classmethods, properties, __repr__, explicit super(Class, self).
class Shape:
    def __init__(self, name):
        self.name = name
    def area(self):
        return 0
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area()})"
    @classmethod
    def create(cls, *args):
        print("Shape.create for", cls.__name__)
        return cls(*args)
class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    @classmethod
    def create(cls, *args):
        print("Rect.create")
        return super().create(*args)
class Square(Rect):
    def __init__(self, side):
        super(Square, self).__init__(side, side)
        self.name = "square"
    def __repr__(self):
        return "Sq:" + super().__repr__()
print(Rect(2, 3), Square(4))
print(Square.create(5))
class Parent:
    @property
    def value(self):
        return 10
class Child(Parent):
    @property
    def value(self):
        return super().value * 2
print(Child().value)
class Logged(dict):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value.upper() if isinstance(value, str) else value)
d = Logged()
d["a"] = "x"
d["b"] = 2
print(d, isinstance(d, dict), len(d))
class MyList(list):
    def sum(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.sum(), len(ml), type(ml).__name__, ml[1:])
class Upper(str):
    def shout(self):
        return self.upper() + "!"
u = Upper("hey")
print(u, u.shout(), u + "x", isinstance(u, str), len(u))
class Count(int):
    def __repr__(self):
        return f"Count({int(self)})"
c = Count(5)
print(repr(c), c + 1, c * 2, type(c + 1).__name__)
