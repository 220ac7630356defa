# __format__ on user classes, and format() falling back to str().
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "short":
            return f"${self.cents // 100}"
        return f"${self.cents / 100:{spec or '.2f'}}"
    def __str__(self):
        return f"Money({self.cents})"
m = Money(12345)
print(f"{m}", f"{m:short}", f"{m:,.1f}", f"{m!s}", format(m, "short"), "{:short}".format(m))
class Plain:
    def __str__(self):
        return "plain!"
p = Plain()
print(f"{p}", format(p), format(p, ""), "{}".format(p))
try:
    format(p, ">10")
except TypeError as e:
    print("TypeError:", e)
class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        unit = spec[-1:] if spec[-1:] in ("C", "F") else "C"
        num = spec[:-1] if spec[-1:] in ("C", "F") else spec
        value = self.c if unit == "C" else self.c * 9 / 5 + 32
        return format(value, num or ".1f") + unit
t = Temp(21.5)
print(f"{t}", f"{t:F}", f"{t:.3C}", f"{t:.0F}")
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x!r}, {self.y!r})"
v = Vec(1, "a")
print(f"{v}", f"{v!r}", f"{[v, v]}", str(v), repr(v))
print(format(12, "d"), format(1.5, ""), format("s"), format(True), format(None))
