# The math module: constants and common functions.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.isnan(math.nan), math.isinf(math.inf), math.isfinite(1.0))
print(math.sqrt(16), math.sqrt(2), math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5))
print(math.trunc(-3.7), math.fabs(-3), math.copysign(3, -0.0))
print(math.gcd(12, 18), math.gcd(0, 5), math.lcm(4, 6), math.factorial(10), math.factorial(0))
print(math.comb(5, 2), math.perm(5, 2), math.isqrt(17), math.isqrt(16))
print(math.pow(2, 10), math.exp(0), math.exp(1), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), math.atan2(1, 1))
print(math.hypot(3, 4), math.degrees(math.pi), math.radians(180))
print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.dist((0, 0), (3, 4)))
print(math.modf(2.5), math.frexp(8.0), math.ldexp(0.5, 4))
print(type(math.floor(2.5)).__name__, type(math.sqrt(4)).__name__)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
from math import sqrt as root, pi
print(root(81), round(pi, 3))
