# Accumulating floats, integer-valued floats, and conversions in loops.
total = 0.0
for _ in range(10):
    total += 0.1
print(total, total == 1.0, round(total, 10) == 1.0)
cents = 0
for _ in range(10):
    cents += 10
print(cents / 100)
print(sum(i / 10 for i in range(11)), sum(range(11)) / 10)
print(3 * 0.1, 0.1 * 3, 0.3 / 0.1, 0.3 // 0.1, 0.3 % 0.1)
print(1 / 3 * 3, 2 / 3 + 1 / 3, 1 - 0.9, 1.1 + 2.2)
print(100 * 1.15, 19.99 * 100, int(19.99 * 100), round(19.99 * 100))
print(1e16 + 1, 1e16 + 2, 2 ** 53 + 1.0, float(2 ** 53 + 1))
print(9007199254740993, float(9007199254740993), int(float(9007199254740993)))
print(0.1 + 0.2 - 0.3, 1e-16 + 1, 1 + 1e-15)
print([round(x * 0.1, 1) for x in range(5)], [x * 0.25 for x in range(5)])
print(7 // 2.0, 7 % 2.5, -7 // 2.5, 2 ** 0.5 * 2 ** 0.5)
mean = sum([1, 2, 3, 4]) / 4
var = sum((x - mean) ** 2 for x in [1, 2, 3, 4]) / 4
print(mean, var, var ** 0.5)
c = 100.0
f = c * 9 / 5 + 32
print(f, (f - 32) * 5 / 9, 37.5 * 9 / 5 + 32)
print(1.0 * 10 ** 15, 1.0 * 10 ** 16, 123456789.123456789, 0.1 ** 10)
print(float(1 << 60), 2.0 ** 62, 2.0 ** -20)
