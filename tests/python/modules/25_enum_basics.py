# enum.Enum: members, value/name lookup, iteration, aliases, auto(), methods, functional API.
from enum import Enum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1


print(Color.RED, repr(Color.GREEN), Color.CRIMSON is Color.RED, Color(3), Color["BLUE"])
print(list(Color), len(Color), Color.__members__)
print(Color.RED.name, Color.RED.value, type(Color.RED), isinstance(Color.RED, Color), Color)
print(f"{Color.BLUE}", format(Color.BLUE), str(Color.BLUE), [c.name for c in reversed(Color)])
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.GREEN, Color.RED in Color)
print({Color.RED: "r", Color.GREEN: "g"}[Color.CRIMSON], sorted(Color, key=lambda c: c.value)[-1])


class Status(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()

    def describe(self):
        return f"{self.name.lower()} ({self.value})"

    @property
    def finished(self):
        return self is Status.DONE

    @classmethod
    def parse(cls, text):
        return cls[text.upper()]


print(list(Status), Status.RUNNING.describe(), Status.DONE.finished, Status.parse("pending"))


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 2)


print(Planet.EARTH.value, Planet.EARTH.mass, Planet.EARTH.gravity, Planet((3.303e+23, 2.4397e6)))


class Shade(Enum):
    LIGHT = "light"
    DARK = "dark"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.value == value.lower():
                    return member
        return None


print(Shade("DARK"), Shade("light"))

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal(3))
Pair = Enum("Pair", [("ONE", 1), ("TWO", 2)])
print(Pair.TWO, Pair(1))


@unique
class Single(Enum):
    A = 1
    B = 2


print(Single, list(Single))
switch = {Color.RED: "stop", Color.GREEN: "go"}
for c in Color:
    print(c.name, switch.get(c, "?"))
