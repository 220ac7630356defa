# strip family, padding, justification, join.
s = "  \tpadded text \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcba".strip("ab"), "www.example.com".lstrip("w."), "file.txt".rstrip(".txt"))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "abc".removeprefix("z"))
print(repr("ab".center(7)), repr("ab".center(7, "*")), repr("abc".center(6, "-")), repr("abc".center(2)))
print(repr("ab".ljust(5)), repr("ab".rjust(5, ".")), repr("long".ljust(2)))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(6), "".zfill(3))
print(", ".join(["a", "b", "c"]), "".join(["x", "y"]), "-".join("abc"), " ".join([]))
print("|".join(str(i) for i in range(5)))
try:
    ", ".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
print("a\tb\tc".expandtabs(4), repr("x\ty".expandtabs()))
print("ab" * 3, 3 * "-", "ab" * 0, "ab" * -1 == "")
print("abc" < "abd", "a" < "B", "Z" < "a", "abc" < "ab", "" < "a", "apple" > "Apple")
print(len(""), len("abc"), len("a\nb"), len("\\"), len(r"\n"))
print(min("hello"), max("hello"), sorted("hello"), list("abc"), tuple("ab"))
print(str(123), str(1.5), str([1, "a"]), str(None), str("x"))
print("%s and %d and %.2f and %r and %5s| and %-5s| %x %o %e %%" % ("s", 42, 3.14159, "r", "ab", "cd", 255, 8, 12345.678))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "%03d" % 7, "%+d" % 5, "%c" % 65)
