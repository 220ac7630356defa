# Float repr round-trips: shortest repr that parses back to the same float.
samples = [0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1 / 7, 0.1 + 0.2, 1.1, 2.2, 3.3, 1e-7, 123.456, 9.95, 0.005, 1e15 + 0.3,
           5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 4.35, 0.57, 1.15, 100.0 / 3]
for x in samples:
    r = repr(x)
    print(r, float(r) == x, f"{x:.17g}", f"{x:.3g}", f"{x:e}")
for x in [1.0, 10.0, 1e5, 1e15, 1e16, 1e17, 0.001, 0.0001, 0.00001, 123456789012.0, 1.5e300, -2.5e-300]:
    print(x, str(x), f"{x}", f"{x:g}", f"{x:.1f}" if abs(x) < 1e20 else "big")
print(0.1 * 0.1, 0.7 * 0.1, 1.1 * 1.1, 3.0 * 1.1, 0.3 * 3)
print(float("0.1000000000000000055511151231257827"), float("1.00000000000000011"))
