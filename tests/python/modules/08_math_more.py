# More math: floor/ceil on negatives, inf/nan handling, integer functions.
import math
for v in [2.5, -2.5, 3.0, -0.1, 0.9]:
    print(v, math.floor(v), math.ceil(v), math.trunc(v), round(v))
print(math.inf > 1e308, math.isinf(-math.inf), math.isnan(math.inf - math.inf), math.nan != math.nan)
print(math.gcd(48, 180), math.gcd(7, 13), math.gcd(0, 0), math.lcm(3, 4, 6))
print([math.isqrt(n) for n in [0, 1, 15, 16, 17, 99, 100]])
print([math.factorial(n) for n in range(8)], math.comb(10, 3), math.perm(4))
print(round(math.sin(math.pi), 10), round(math.cos(math.pi), 10), math.tan(0))
print(math.sqrt(0.25), math.exp(2), math.log(100, 10), math.log1p(0), math.expm1(0))
print(math.fmod(7, 3), math.fmod(-7, 3), -7 % 3, math.remainder(7, 3))
print(math.copysign(1, -0.0), math.fabs(-0.0), math.ulp(1.0) if hasattr(math, "ulp") else "-")
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.floor(1e15 + 0.5), math.ceil(-1e-300), math.floor(-0.0))
try:
    math.floor(math.inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.floor(math.nan)
except ValueError as e:
    print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
print(sum(math.sqrt(i) for i in range(10)))
