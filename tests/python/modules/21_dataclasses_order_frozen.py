# order=True comparisons, frozen instances, hashing rules, KW_ONLY and InitVar/ClassVar.
from dataclasses import dataclass, field, FrozenInstanceError, KW_ONLY, InitVar, replace
from typing import ClassVar


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    note: str = field(default="", compare=False)


vs = [Version(1, 2), Version(0, 9), Version(1, 0, "x"), Version(1, 0)]
print(sorted(vs))
print(Version(1) < Version(1, 1), Version(2) >= Version(1, 9), Version(1, 0, "a") == Version(1, 0, "b"))
print(max(vs), min(vs))
try:
    Version(1) < (1, 0)
except TypeError as e:
    print("TypeError:", e)


@dataclass(frozen=True)
class Color:
    r: int
    g: int
    b: int

    def hex(self):
        return f"#{self.r:02x}{self.g:02x}{self.b:02x}"


c = Color(255, 128, 0)
print(c, c.hex(), hash(c) == hash(Color(255, 128, 0)), {c: "orange"}[Color(255, 128, 0)])
try:
    c.r = 0
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del c.g
except FrozenInstanceError as e:
    print(type(e).__name__, e)
print(replace(c, b=255))


@dataclass
class Mutable:
    v: int


print(Mutable.__hash__)
try:
    hash(Mutable(1))
except TypeError as e:
    print("TypeError:", e)


@dataclass(unsafe_hash=True)
class Hashable:
    v: int


print(hash(Hashable(3)) == hash(Hashable(3)))


@dataclass
class Options:
    name: str
    _: KW_ONLY
    verbose: bool = False
    level: int = 1


print(Options("x", verbose=True), Options("y", level=3))
try:
    Options("x", True)
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Config:
    scale: InitVar[int]
    value: int = 0
    registry: ClassVar[dict] = {}

    def __post_init__(self, scale):
        self.value *= scale


cfg = Config(3, 5)
print(cfg, cfg.value, Config.registry, [n for n in Config.__dataclass_fields__])


@dataclass(kw_only=True)
class KW:
    a: int
    b: int = 2


print(KW(a=1), KW(b=5, a=0))


@dataclass
class Strings:
    a: "int"
    counter: "ClassVar[int]" = 0
    scale: "InitVar[int]" = 1

    def __post_init__(self, scale):
        self.a *= scale


print(Strings(2, 3), list(Strings.__dataclass_fields__), Strings.counter)
