from collections import namedtuple
Point = namedtuple("Point", "x y")
p = Point(1, 2)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del p.x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.z = 5
except AttributeError as e:
    print(type(e).__name__, e)
print(p)
class L(list):
    __slots__ = ()
try:
    L().a = 1
except AttributeError as e:
    print(type(e).__name__, e)
class E(Exception):
    __slots__ = ()
e = E()
e.q = 1
print(e.q)
class P(Point):
    pass
pp = P(1, 2)
pp.z = 3
print(pp.z)
