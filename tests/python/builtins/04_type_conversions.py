# Constructors as conversions: int float str bool list tuple dict set frozenset.
print(int(), float(), str(), bool(), list(), tuple(), dict(), set(), frozenset())
print(int("12"), int(12.9), int(-12.9), int(True), int("  -3  "), int("1" * 5))
print(float("1e2"), float(3), float("-0"), float(" .5"), float("inf"), float("-nan"))
print(str(12), str(1.25), str(None), str([1, "x"]), str((1,)), str({"a": 1}), str(b"b"))
print(bool(0), bool(0.1), bool(""), bool(" "), bool([0]), bool({}), bool(None), bool(range(0)))
print(list("abc"), list((1, 2)), list({"x": 1, "y": 2}), list({"x": 1}.items()), list(range(3)))
print(tuple([1, 2]), tuple("ab"), tuple({5: 0}), tuple(x for x in range(2)))
print(dict([("a", 1), ["b", 2]]), dict({"x": 1}, y=2), dict(zip("ab", "xy")), dict(a=dict(b=1)))
print(set([3, 1, 3]), set("aaa"), set({1: 2}), frozenset([2, 2, 1]))
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print("ValueError:", e)
try:
    list(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int("9" * 3, base=8)
except ValueError as e:
    print("ValueError:", e)
print(type(int("5")).__name__, type(str(5)).__name__, type(list("a")).__name__)
print(str(1) + str(2), int("1") + int("2"), float("1") + float("2"))
print(list(map(int, "1 2 3".split())), [float(x) for x in ["1.5", "2"]], tuple(map(bool, [0, 1])))
print(chr(97), ord("a"), chr(ord("a") + 1), [chr(c) for c in range(65, 70)])
print(int(float("2.5")), round(float("2.5")), int(round(2.7)), str(int(7.0)))
