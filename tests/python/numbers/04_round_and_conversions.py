# round(), int/float conversions and mixed-type arithmetic.
for v in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375, 1e15, -3.7]:
    print(v, round(v), round(v, 1), round(v, 2))
print(round(123.456, -1), round(123.456, -2), round(5.5, 0), round(-0.4))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(int(2.9999), int(-0.9), int(1e10), float(10 ** 15), int("0b101", 0), int("0o17", 0))
print(1 + 2.0, 3 * 0.5, 2 - True, 10 / 4, 10 // 4.0, 2 ** 3.0)
print(3 == 3.0, 0.5 < 1 < 1.5)
print(divmod(-7.5, 2), divmod(7, -2.0))
print(abs(-2.5), abs(-0.0), max(1, 2.0), min(1.0, 1), max(2, 2.0))
print(sum([0.1] * 10), sum([1, 2.5]), sum([0.5, 0.25], 1))
print(str(1e-7), str(1.0e7), str(123e-10), str(-1.5e-3))
print(bool(0.0), bool(-0.0), bool(1e-300), bool(float("nan")))
print(float("  3.25\n"), float("+1.5"), float("-.5"), float("5."))
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    float("")
except ValueError as e:
    print("ValueError:", e)
try:
    float([1])
except TypeError as e:
    print("TypeError:", e)
print(int(True), float(False), int(-7 / 2), -7 // 2)
print(round(0.1 + 0.2, 10), round(2.5e-3, 3), round(1234.5678, 2))
