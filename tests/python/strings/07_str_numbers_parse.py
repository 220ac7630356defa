# Converting between strings and numbers, common parsing patterns.
line = "10, 20, 30, 40"
nums = [int(x) for x in line.split(",")]
print(nums, sum(nums))
pairs = "a=1;b=2;c=3"
d = dict(item.split("=") for item in pairs.split(";"))
print(d)
print({k: int(v) for k, v in d.items()})
csv = "name,age\nann,30\nbob,25\n"
rows = [r.split(",") for r in csv.strip().split("\n")]
header, *body = rows
print(header, body)
for name, age in body:
    print(f"{name.title():<5}{int(age) + 1:>4}")
print(str(3.0), str(10 / 4), str(-0.5), str(1e-10), str(2 ** 40))
print(repr(str(5)), int(str(5)) + 1, float("3") / 2)
print("3" + "4", int("3") + int("4"), "3" * 4)
print("%d items" % 3, "%5.1f%%" % 12.345, "%s" % [1, 2], "%s %s" % ("a", "b"))
print("%-6s|%6s|" % ("ab", "cd"), "%08.3f" % -3.14159, "%x|%X|%#o" % (255, 255, 8))
print("%r" % "quote", "%i" % 3.9, "%.3s" % "abcdef", "%*d" % (5, 42))
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%s %s" % ("one",)
except TypeError as e:
    print("TypeError:", e)
try:
    "%s" % (1, 2)
except TypeError as e:
    print("TypeError:", e)
print("12abc".isdigit(), "12".isdigit(), "-12".lstrip("-").isdigit())
