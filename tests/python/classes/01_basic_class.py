# A basic class: __init__, instance and class attributes, methods.
class Dog:
    species = "canis"
    count = 0
    def __init__(self, name, age=1):
        self.name = name
        self.age = age
        Dog.count += 1
    def bark(self, times=1):
        return " ".join(["woof"] * times) + f" from {self.name}"
    def birthday(self):
        self.age += 1
        return self
d1 = Dog("rex")
d2 = Dog("fido", 5)
print(d1.name, d1.age, d2.name, d2.age, Dog.count, d1.count)
print(d1.bark(), d2.bark(3))
print(d1.birthday().birthday().age)
print(d1.species, Dog.species)
d1.species = "wolf"
print(d1.species, d2.species, Dog.species)
Dog.species = "canis lupus"
print(d1.species, d2.species)
print(type(d1).__name__, type(d1) is Dog, isinstance(d1, Dog), Dog.__name__)
print(Dog.bark(d2), Dog.bark(d2, 2))
method = d1.bark
print(method(2))
d2.nickname = "F"
print(d2.nickname, hasattr(d1, "nickname"), getattr(d1, "nickname", "none"))
setattr(d1, "age", 10)
print(d1.age, getattr(d1, "age"))
delattr(d1, "age")
try:
    d1.age
except AttributeError as e:
    print("AttributeError:", e)
try:
    Dog.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Dog("a", 1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    Dog()
except TypeError as e:
    print("TypeError:", e)
try:
    d2.bark(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(sorted(k for k in d2.__dict__), d2.__dict__)
