# A Fraction-like class exercising many dunders at once.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
class Frac:
    def __init__(self, num, den=1):
        if den == 0:
            raise ZeroDivisionError("denominator is zero")
        g = gcd(num, den)
        if den < 0:
            g = -g
        self.num, self.den = num // g, den // g
    @staticmethod
    def _coerce(x):
        return x if isinstance(x, Frac) else Frac(x)
    def __add__(self, o):
        o = self._coerce(o)
        return Frac(self.num * o.den + o.num * self.den, self.den * o.den)
    __radd__ = __add__
    def __sub__(self, o):
        o = self._coerce(o)
        return Frac(self.num * o.den - o.num * self.den, self.den * o.den)
    def __rsub__(self, o):
        return self._coerce(o) - self
    def __mul__(self, o):
        o = self._coerce(o)
        return Frac(self.num * o.num, self.den * o.den)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = self._coerce(o)
        return Frac(self.num * o.den, self.den * o.num)
    def __neg__(self):
        return Frac(-self.num, self.den)
    def __eq__(self, o):
        o = self._coerce(o)
        return (self.num, self.den) == (o.num, o.den)
    def __lt__(self, o):
        o = self._coerce(o)
        return self.num * o.den < o.num * self.den
    def __hash__(self):
        return hash((self.num, self.den))
    def __float__(self):
        return self.num / self.den
    def __bool__(self):
        return self.num != 0
    def __repr__(self):
        return f"Frac({self.num}, {self.den})"
    def __str__(self):
        return f"{self.num}/{self.den}" if self.den != 1 else str(self.num)
a, b = Frac(1, 2), Frac(1, 3)
print(a + b, a - b, a * b, a / b, -a, 1 + a, 1 - a, 2 * b, a + 1)
print(repr(a + b), float(a + b), a == Frac(2, 4), a == Frac(1, 2), a < b, b < a)
print(sorted([Frac(3, 4), Frac(1, 8), Frac(2, 3)]), sum([Frac(1, n) for n in range(1, 5)], Frac(0)))
print(bool(Frac(0, 5)), bool(a), len({Frac(1, 2), Frac(2, 4), Frac(3, 6)}), Frac(6, -4))
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
h = Frac(0)
for n in range(1, 6):
    h = h + Frac(1, n)
print(h, f"{float(h):.4f}")
