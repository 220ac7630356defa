# print uses str(); containers use repr() of their items.
values = ["text", 42, 3.5, None, True, b"by", [1, "a"], ("t",), {"k": "v"}]
for v in values:
    print(v, "|", repr(v), "|", str(v), "|", [v])
print("a", "b", sep="")
print("a", "b", sep=", ", end="!\n")
print()
print("no newline", end="")
print(" ... continued")
print(*[1, 2, 3], sep="-")
print(*"abc")
print("x", 1, None, sep="|", end="|\n")
print("multi\nline")
print(repr("multi\nline"))
print(str(1.0), repr(1.0), str(0.1), repr(0.1), str(1e-7), repr(1e16))
class R:
    def __repr__(self):
        return "R()"
r = R()
print(r, str(r), repr(r), [r], f"{r}", "%s %r" % (r, r))
class S:
    def __str__(self):
        return "S-str"
s = S()
print(s, [str(s)], "%s" % s)
class Both(R):
    def __str__(self):
        return "Both-str"
print(Both(), [Both()], str(Both()), repr(Both()))
print(print("inner"))
