# str.format: positional, keyword, attribute and index fields, conversions, nesting.
print("{} {} {}".format(1, "a", None))
print("{0} {1} {0}".format("x", "y"))
print("{a}-{b}".format(a=1, b=2), "{0}{x}".format("p", x="q"))
class Pt:
    x = 3
    y = 4
print("({0.x}, {0.y})".format(Pt()), "{p.x}".format(p=Pt()))
print("{0[0]} {0[2]} {1[key]}".format("abc", {"key": "val"}))
print("{!r} {!s} {!a}".format("é", "é", "é"))
print("{:{}}|{:{w}.{p}f}|".format("ab", 5, 3.14159, w=8, p=2))
print("{{}} {{{}}}".format("in"))
print("{:>5}|{:<5}|{:^5}|{:*^5}".format(1, 2, 3, 4))
print("{:,} {:.1%} {:e} {:#x}".format(1234567, 0.256, 1500.0, 255))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{name}".format()
except KeyError as e:
    print("KeyError:", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
print("{0:b} {0:o} {0:x} {0:d}".format(10))
fmt = "{:<10}{:>6}"
for row in [("alpha", 1), ("beta", 22), ("gamma", 333)]:
    print(fmt.format(*row))
print("{greeting}, {name}!".format(**{"greeting": "Hi", "name": "Lu"}))
print(str.format("{}", [1, 2]), "{}".format({"k": (1,)}))
