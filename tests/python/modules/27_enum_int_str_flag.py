from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
class Color(Enum):
    RED = auto()
    GREEN = auto()
print(Color.RED, repr(Color.GREEN), Color(2), Color["RED"], list(Color))
class Pri(IntEnum):
    LOW = 1
    HIGH = 2
print(Pri.LOW < Pri.HIGH, Pri.HIGH + 1, repr(Pri.LOW), str(Pri.LOW), f"{Pri.HIGH}", Pri(2), Pri.LOW == 1)
print(sorted([Pri.HIGH, Pri.LOW]), isinstance(Pri.LOW, int), hash(Pri.LOW) == hash(1), {1: "a"}[Pri.LOW])
print(f"{Pri.HIGH:>4}|", "%d" % Pri.HIGH, int(Pri.HIGH), Pri.HIGH.name, Pri.HIGH.value, list(Pri))
class Status(str, Enum):
    OK = "ok"
    BAD = "bad"
print(Status.OK, repr(Status.OK), Status("bad"), Status.OK == "ok", f"{Status.OK}", Status.OK.upper())
class Mode(StrEnum):
    READ = auto()
    WRITE = "w"
print(Mode.READ, repr(Mode.READ), Mode.WRITE + "!", f"{Mode.READ}", Mode("w"))
class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(rw), len(rw), bool(Perm(0)), repr(Perm(0)), str(Perm(0)))
print(~Perm.R, Perm.R & Perm.W, rw ^ Perm.R, Perm(7), repr(Perm), repr(Color))
try:
    Perm(8)
except ValueError as e:
    print(e)
class F(Flag):
    A = auto()
    B = auto()
    C = auto()
print(list(F), F.A | F.C, [m.value for m in F])
class Open(IntFlag):
    RD = 1
    WR = 2
    EX = 4
x = Open.RD | Open.WR
print(x, repr(x), x | 8, repr(x | 8), x & 1, isinstance(x, int), Open.RD + 1, str(Open.EX), f"{Open.WR}")
print(repr(~Open.RD), Open(0), repr(Open(0)))
@unique
class U(IntEnum):
    A = 1
    B = 2
print(U.A, U(1) is U.A)
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value)
