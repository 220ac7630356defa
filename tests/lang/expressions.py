# Arithmetic, comparisons, boolean logic, containers, slicing, comprehensions.
print(1 + 2 * 3, (1 + 2) * 3, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3, 2 ** 10, 2 ** -1)
print(7 / 2, 1 / 3, 2.5 * 4, 0.1 + 0.2, 1e16, 1e-5, 123456789.0 * 1000, -0.0, 3.0)
print(10 - 3.5, 3 * 1.5, 1 << 10, 1024 >> 3, 5 & 3, 5 | 3, 5 ^ 3, ~5, -(-3), +4)
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0, True + True, 3 > 2.5, "a" < "b", [1, 2] < [1, 3], (1, 2) == (1, 2))
print(not 0, not [], 0 or "x", 1 and 2, None or 0, [] and 1)
print(1 if 0 else 2, "yes" if [1] else "no")
s = "hello world"
print(s[0], s[-1], s[2:5], s[::-1], s[::2], s[1:-1:3], len(s))
l = list(range(10))
print(l[2:8:2], l[-3:], l[:3], l[::-2], l[5:2:-1])
print([x * 2 for x in range(5) if x % 2], {x: x * x for x in range(4)}, {x % 3 for x in range(10)})
print(list(zip("abc", [1, 2, 3])), list(enumerate("xy", 1)), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
print(sorted([3, 1, 2]), sorted("bca", reverse=True), sorted([(1, 'b'), (1, 'a'), (0, 'z')]), sorted(["bb", "a", "ccc"], key=len))
print(min(3, 1, 2), max([4, 9, 1]), min("abc"), max([1, 5], key=lambda v: -v), sum([1, 2, 3]), sum([0.5, 0.25]), abs(-3), abs(-2.5))
print(divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(3, 4, 5), round(2.5), round(3.5), round(2.675, 2), round(7.0), round(123.456, -1))
print(int("42"), int(" -7 "), int(3.9), int(-3.9), float("1.5"), float(2), str(3.0), bool(""), bool("x"), int("ff", 16), int("0b101", 0))
print(repr("it's"), repr('say "hi"'), repr("tab\tnew\nline"), repr("\\"), str(None), repr(None))
print(chr(65), ord("a"), hex(255), oct(8), bin(5), hex(-1))
a, b, *rest = [1, 2, 3, 4, 5]
print(a, b, rest)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *middle, last = "abcde"
print(first, middle, last)
d = {"b": 2, "a": 1}
d["c"] = 3
del d["b"]
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()), "a" in d, "b" in d, d.get("z"), d.get("z", 0))
print({1: "int", 1.0: "float", True: "bool"})
print({**d, "x": 9}, [*range(3), *"ab"], (*[1, 2],))
t = (1, 2, 3)
print(t.index(2), t.count(3), t + (4,), t * 2, 2 in t, 5 not in t)
print("a,b,,c".split(","), " x  y ".split(), "-".join(["a", "b"]), "abc".upper(), "ABC".lower(), "  pad ".strip())
print("hello".replace("l", "L"), "hello".find("l"), "hello".rfind("l"), "hello".count("l"), "hello".startswith("he"), "x.py".endswith((".py", ".txt")))
print("abc".center(9, "*"), "abc".ljust(5) + "|", "abc".rjust(5), "42".zfill(5), "a b c".title(), "word".capitalize())
print([1, 2] * 2, "ab" * 3, [[0] * 2] * 2)
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, (int, float)), isinstance("s", list), issubclass(bool, int))
print(type(1), type("s"), type([]), type(None), type(len), type(lambda: 0).__name__)
print(len({1, 2, 2, 3}), {1, 2} | {3}, {1, 2} & {2, 3}, {1, 2} - {2}, set(), frozenset([1]))
nested = [1, [2, [3, [4]]]]
print(nested, str(nested), [[]], [()], ({},))
r = []
r.append(r)
print(r)
print(1_000_000, 0x1f, 0o17, 0b11, 1.5e3, 10 ** 18, -2 ** 2, (-2) ** 2)
print(f"{3.14159:.2f} {42:5d} {'x':>3} {'y':<3}| {7:03} {1234567:,} {0.5:%} {255:x} {255:#x} {3:+}")
name = "loop"
print(f"{name!r} {name!s:>6} {name.upper()} {len(name) * 2} {{literal}} {1 + 1 = }")
print("%s is %d years and %.1f%%" % ("Ann", 30, 99.5), "%r" % "q", "%5s|%-5s|" % ("a", "b"))
print("{} {} {}".format(1, "two", 3.0), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{:>4}".format("z"))
