# Float operations at the edges: modulo signs, floor division, overflow to inf, tiny numbers.
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (0.0, 3), (-0.0, 3), (5, 0.5), (1e308, 1e-308)]:
    try:
        print(a, b, a % b, a // b, divmod(a, b))
    except OverflowError as e:
        print(a, b, "OverflowError:", e)
print(1e308 * 10, -1e308 * 10, 1e-320 / 10, 5e-324 / 2, -5e-324 / 2)
print(float("1e500"), float("-1e500"), float("1e-500"))
print(2.0 ** 1023, 2.0 ** -1074, 2.0 ** -1075)
try:
    2.0 ** 1024
except OverflowError as e:
    print("OverflowError:", e)
try:
    10.0 ** 400
except OverflowError as e:
    print("OverflowError:", e)
print(abs(-8.0) ** (1 / 3), 0.0 ** 0, 0.0 ** 2)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(round(1e-10, 12), round(123.456e10, -10), round(0.5e-3, 4), round(-1.5), round(-2.5))
print(3.0 == 3, 0.1 + 0.1 + 0.1 == 0.3, 1e16 == 10 ** 16, 1e18 == 10 ** 18)
print(int(1e16), int(1e15 + 0.5), int(-1e15 - 0.5), float(10 ** 16) == 1e16)
print(max(0.0, -0.0), min(0.0, -0.0), max(-0.0, 0.0), sorted([0.0, -0.0, 0.0]))
print(abs(-1e-300), -(-0.0), +(-0.0), 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0)
