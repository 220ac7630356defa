import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.floor(2.7), math.floor(-2.5), math.ceil(-2.5), math.ceil(2.1), math.trunc(-2.7), math.floor(5), type(math.floor(3.0)))
print(math.sqrt(2), math.sqrt(16), math.exp(1), math.exp(-1), math.log(math.e), math.log(8, 2), math.log(100, 10), math.log(1024))
print(math.log2(8), math.log2(10), math.log10(1000), math.log10(2), math.log1p(1e-10), math.expm1(1e-10), math.exp2(10))
print(math.sin(math.pi / 6), math.cos(math.pi / 3), math.tan(math.pi / 4), math.atan2(1, 1), math.atan2(-1, -1))
print(math.asin(1), math.acos(0), math.atan(1), math.sinh(1), math.cosh(1), math.tanh(0.5), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)), math.dist([1, 1, 1], [2, 2, 2]))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(), math.gcd(12, 18, 8), math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm())
print(math.factorial(0), math.factorial(10), math.factorial(20), math.comb(10, 3), math.comb(5, 7), math.perm(5, 2), math.perm(4), math.isqrt(17), math.isqrt(10**12))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 4]), math.prod(range(1, 6), start=2))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 1 / 3) if False else math.pow(4, -1), math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3), math.copysign(3, -0.0))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.isnan(1), math.frexp(8.0), math.ldexp(0.5, 4), math.modf(3.75), math.modf(-2.5))
print(math.remainder(7, 3), math.remainder(8, 3), math.remainder(-7, 2), math.remainder(5, 2), math.ulp(1.0), math.nextafter(1, 2), math.nextafter(0, -1))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.exp(1000), lambda: math.factorial(-1),
            lambda: math.factorial(2.5), lambda: math.floor("a"), lambda: math.comb(5, -1), lambda: math.isqrt(-1),
            lambda: math.floor(math.inf), lambda: math.floor(math.nan), lambda: math.gcd(2.0, 4), lambda: math.pow(0, -1),
            lambda: math.fmod(1, 0), lambda: math.dist([1], [1, 2]), lambda: math.cosh(1000), lambda: math.acosh(0),
            lambda: math.log(10, 1), lambda: math.asin(2), lambda: math.sqrt("x")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
class Money:
    def __init__(self, v):
        self.v = v
    def __float__(self):
        return float(self.v)
    def __floor__(self):
        return "floored"
print(math.sqrt(Money(9)), math.floor(Money(1)))
