# staticmethod, classmethod, alternative constructors.
class Temperature:
    unit = "C"
    def __init__(self, degrees):
        self.degrees = degrees
    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)
    @staticmethod
    def is_freezing(deg):
        return deg <= 0
    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.unit}"
    def __repr__(self):
        return f"{type(self).__name__}({self.degrees:.1f})"
t = Temperature.from_fahrenheit(212)
print(t, Temperature.is_freezing(-1), t.is_freezing(5), Temperature.describe(), t.describe())
class Kelvin(Temperature):
    unit = "K"
k = Kelvin.from_fahrenheit(32)
print(k, type(k).__name__, Kelvin.describe())
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
    @classmethod
    def how_many(cls):
        return cls.instances
    @staticmethod
    def helper(a, b):
        return a * b
Counter(); Counter()
print(Counter.how_many(), Counter().how_many(), Counter.helper(6, 7))
sm = Counter.helper
print(sm(2, 3))
class Registry:
    items = []
    @classmethod
    def register(cls, item):
        cls.items.append(item)
        return cls
Registry.register("a").register("b")
print(Registry.items)
class Config:
    defaults = {"debug": False}
    @classmethod
    def with_overrides(cls, **kw):
        merged = dict(cls.defaults)
        merged.update(kw)
        return merged
print(Config.with_overrides(debug=True, level=3))
