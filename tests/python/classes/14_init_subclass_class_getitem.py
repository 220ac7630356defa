# __init_subclass__ (with class keywords) and __class_getitem__.


class Base:
    subclasses = []

    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        Base.subclasses.append(cls.__name__)


class A(Base, tag="a"):
    pass


class B(A):
    pass


print(Base.subclasses, A.tag, B.tag, hasattr(Base, "tag"))

try:
    class C(Base, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)


class Shape:
    def __init_subclass__(cls, **kwargs):
        if "area" not in cls.__dict__:
            raise TypeError(f"{cls.__name__} must define area")
        super().__init_subclass__(**kwargs)


class Square(Shape):
    def area(self):
        return 4


try:
    class Blob(Shape):
        pass
except TypeError as e:
    print("TypeError:", e)
print(Square().area())


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item}]"


class SubBox(Box):
    pass


print(Box[int], SubBox[str], Box[3], list[int] is not None)
try:
    Square[int]
except TypeError as e:
    print("TypeError:", e)
