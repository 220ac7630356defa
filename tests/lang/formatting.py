# repr/str/format of numbers and containers as CPython prints them.
vals = [0.1, 1/3, 2/3, 1e22, 1e-7, 123456.789, 1.0, -1.5, 100.0, 1e16, 12345678901234567.0, 0.000123, float("inf"), -float("inf"), 2.5e-5, 5e-324]
for v in vals:
    print(repr(v), str(v), f"{v}")
print(float("nan"))
for spec in ["", ".3f", "10.2f", "<10", ">10", "^10", "e", ".2e", "g", ".3g", "%", ".1%", "+", " ", "08.3f", ",", "_"]:
    try:
        print(repr(spec), repr(format(1234.5678, spec)))
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
for spec in ["", "d", "5", "<5", "^5", "05", "x", "X", "#x", "o", "b", "#b", ",", "+d", "e", ".2f", "c"]:
    try:
        print(repr(spec), repr(format(255, spec)))
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
print(format("abc", ">6"), format("abc", "*^7"), format("abc", ".2"), repr(format(True, "")), format(True, "d"))
print(str(True), repr(False), str(None), repr([None, True, 1.0]), repr((1.5,)), repr({"k": (1, 2.0)}))
print([1, "two", 3.0, None, (4,), [5], {6: 7}, {8}])
print(repr("quote'd"), repr('both\'"'), repr("uni\u00e9"), repr("\x00\x7f"), repr("\u2028"))
print(list(range(3)), range(3), range(1, 10, 2), slice(1, 2), slice(None, 5, None))
print(str(b"bytes"), repr(b"a\x00'"), b"abc"[1], list(b"hi"))
print(10 ** 15, 2 ** 62, -2 ** 62, 9007199254740993.0, 1.7976931348623157e308)
print("%5.2f|%-6d|%x|%o|%e|%g|%s" % (3.14159, 42, 255, 8, 12345.678, 0.00001234, [1]))
print("{:08.3f}|{:+.1e}|{:>8}|{:*<6}".format(-3.14159, 31415.9, "r", "l"))
print(f"{12345.6789:,.2f} {0.000012345:.3g} {1e100:g} {255:08b}")
w = 10; p = 3
print(f"{3.14159:{w}.{p}f}|")
print(round(0.5), round(1.5), round(-0.5), round(2.675, 2), round(1.25, 1), round(5, -1), round(15, -1))
print(int(1e10), float(10 ** 15), 1e15, 1e16, 0.1 * 3, 1.1 + 2.2)
print(divmod(7.5, 2), 7.5 // 2, -7.5 % 2, 2 ** 0.5, 10 / 4, 3 * 0.1)
print(str(1.0e-4), str(0.0001), str(1e-5), 1.5e300 * 1e10)
