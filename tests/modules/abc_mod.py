from abc import ABC, abstractmethod
import abc

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @property
    @abstractmethod
    def name(self):
        ...
    def describe(self):
        return f"{self.name} with area {self.area()}"

class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    @property
    def name(self):
        return "square"

class Half(Shape):
    def area(self):
        return 1

print(Square(3).describe(), isinstance(Square(1), Shape), isinstance(Square(1), ABC))
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError", e)

class Base(ABC):
    @abstractmethod
    def run(self, x):
        return x * 2
class Impl(Base):
    def run(self, x):
        return super().run(x) + 1
print(Impl().run(5), getattr(Base.run, "__isabstractmethod__", None))
class Plain(ABC):
    pass
print(type(Plain()).__name__)
