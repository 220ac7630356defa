# Float repr: shortest round-trip, exponents, signed zero, inf and nan.
values = [0.1 + 0.2, 0.1, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.00001234,
          1.0, -0.0, 0.0, 100.0, 1e22, 1e23, 5e-324, 1.7976931348623157e308, 2.5, 1.1 * 3,
          3.14159, 9.999999999999999e15, 0.3, 1e100, 12345.678]
for v in values:
    print(repr(v), str(v))
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, float("-inf"), float("Infinity"), float("-nan"))
print(inf > 1e308, inf == inf, nan == nan, nan != nan, nan is nan)
print(inf + 1, inf - inf, inf * 0, -inf * -1)
print(float("1.5"), float(" -2.25 "), float("1e3"), float(7), float("1_0.5"))
print(0.1 + 0.7, 0.1 * 3, 1.2 - 1.0, 100 * 1.1)
print(-0.0 == 0.0, str(-0.0), repr(0.0 * -1))
print(2 ** 0.5, 10 ** -2, 4 ** 0.5, (-8) ** 2.0)
print(1e300 * 1e10, -1e300 * 1e10)
print(float(2 ** 53), float(2 ** 53 + 1), 2.0 ** 53 + 1)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(7.0 // 2, -7.0 // 2, 7.0 % 2, -7.0 % 2, 7.5 % -2, divmod(7.5, 2))
print(float.__name__, type(1e3).__name__, isinstance(1.0, float))
print((1.5).is_integer(), (2.0).is_integer(), (0.5).as_integer_ratio())
print(1.0 == 1, 1.5 > 1, hash(1.0) == hash(1), hash(0.5), hash(-1.0))
