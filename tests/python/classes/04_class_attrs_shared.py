# Class attributes shared by instances, mutable class attributes, attribute lookup order.
class Team:
    members = []
    size = 0
    def __init__(self, name):
        self.name = name
    def join(self, who):
        self.members.append(who)
        self.size += 1
a = Team("a")
b = Team("b")
a.join("x")
b.join("y")
print(a.members, b.members, Team.members, a.size, b.size, Team.size)
class Better:
    def __init__(self):
        self.members = []
c, d = Better(), Better()
c.members.append(1)
print(c.members, d.members)
class Shape:
    sides = 0
    name = "shape"
    def describe(self):
        return f"{self.name} with {self.sides} sides"
class Square(Shape):
    sides = 4
    name = "square"
s = Square()
print(s.describe(), Shape().describe())
s.name = "my square"
print(s.describe(), Square.name)
print("sides" in Square.__dict__, "describe" in Square.__dict__, "describe" in Shape.__dict__)
class Const:
    PI = 3.14
    TAU = PI * 2
    NAMES = [n.lower() for n in ("A", "B")]
print(Const.PI, Const.TAU, Const.NAMES)
class Slotless:
    pass
o = Slotless()
o.anything = 1
o.other = [1]
print(vars(o))
Slotless.added_later = "late"
print(o.added_later)
def external(self):
    return "external method " + type(self).__name__
Slotless.method = external
print(o.method())
