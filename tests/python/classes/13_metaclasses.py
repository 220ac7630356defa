# Metaclasses: class M(type), metaclass=, __new__/__init__/__call__ on the metaclass,
# metaclass methods and properties seen from the class, inheritance of the metaclass.


class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, v=1):
        self.v = v


a = Config(5)
b = Config(7)
print(a is b, a.v, type(Config).__name__, type(a).__name__, isinstance(Config, Singleton))


class Registry(type):
    registry = []

    def __new__(mcls, name, bases, ns, **kw):
        ns["created_by"] = mcls.__name__
        cls = super().__new__(mcls, name, bases, ns)
        return cls

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        Registry.registry.append((name, sorted(k for k in ns if not k.startswith("__"))))

    def describe(cls):
        return f"class {cls.__name__} with {len(cls.__dict__)} entries"

    @property
    def upper(cls):
        return cls.__name__.upper()


class Plugin(metaclass=Registry):
    kind = "base"

    def run(self):
        return f"{type(self).__name__}.run"


class CsvPlugin(Plugin):
    kind = "csv"


print(Registry.registry)
print(CsvPlugin.describe() == f"class CsvPlugin with {len(CsvPlugin.__dict__)} entries", CsvPlugin.upper)
print(CsvPlugin.created_by, CsvPlugin().run(), type(CsvPlugin) is Registry, CsvPlugin.kind)
print(hasattr(CsvPlugin(), "describe"), hasattr(CsvPlugin, "describe"))


class Seq(type):
    def __repr__(cls):
        return f"<Seq {cls.__name__}>"

    def __iter__(cls):
        return iter(cls.items)

    def __len__(cls):
        return len(cls.items)

    def __getitem__(cls, i):
        return cls.items[i]

    def __contains__(cls, x):
        return x in cls.items


class Digits(metaclass=Seq):
    items = [3, 1, 4]


print(Digits, repr(Digits), str(Digits), f"{Digits}", [Digits])
print(list(Digits), len(Digits), Digits[0], 4 in Digits, 9 in Digits, sorted(Digits))

Dyn = Registry("Dyn", (Plugin,), {"x": 1})
print(Dyn.x, Dyn.kind, Dyn.created_by, Registry.registry[-1], Dyn.__mro__)
Plain = type("Plain", (), {"y": 2, "hello": lambda self: "hi"})
print(Plain.y, Plain().hello(), type(Plain), Plain.__name__)


class WithKw(type):
    def __new__(mcls, name, bases, ns, flag=False):
        c = super().__new__(mcls, name, bases, ns)
        c.flag = flag
        return c

    def __init__(cls, name, bases, ns, flag=False):
        super().__init__(name, bases, ns)


class K(metaclass=WithKw, flag=True):
    pass


class K2(K):
    pass


print(K.flag, K2.flag, type(K2).__name__, type(type(K)))


def function_meta(name, bases, ns):
    return f"{name} made by a function with {sorted(k for k in ns if not k.startswith('__'))}"


class NotAClass(metaclass=function_meta):
    a = 1


print(NotAClass)


class Meta2(type):
    pass


try:
    class Conflict(Plugin, metaclass=Meta2):
        pass
except TypeError as e:
    print("TypeError:", e)


class SubRegistry(Registry):
    pass


class Deeper(Plugin, metaclass=SubRegistry):
    pass


print(type(Deeper).__name__, Registry.registry[-1])
