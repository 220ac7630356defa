# Single inheritance: overriding, super().__init__, extending methods.
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return f"{self.name} the {self.kind} says {self.speak()}"
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return "woof"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + "!" * self.age
for a in [Animal("generic"), Dog("rex"), Puppy("bit", 3)]:
    print(a.describe())
p = Puppy("bit", 2)
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, object))
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Dog, Dog), issubclass(bool, int))
print(isinstance(p, (int, str)), isinstance(p, (int, Dog)), issubclass(Puppy, (str, Animal)))
print(Puppy.__mro__)
print([c.__name__ for c in Puppy.__mro__], Puppy.__bases__, Animal.__bases__)
print(type(p).__name__, p.__class__.__name__, type(p).__base__.__name__)
class Base:
    def __init__(self):
        self.log = ["base init"]
class NoSuper(Base):
    def __init__(self):
        self.other = True
ns = NoSuper()
print(hasattr(ns, "log"), ns.other)
class Inherits(Base):
    pass
print(Inherits().log)
print(Dog.speak(Puppy("x", 1)), Animal.describe(Dog("d")))
