s = "  Hello, World!  "
print(repr(s.strip()), s.lstrip(" H"), s.rstrip("! "), s.split(","), s.split())
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a b  c".rsplit(None, 1), "x".split("x"))
print("line1\nline2\r\nline3".splitlines(), "a\nb\n".splitlines(True))
print("-".join(["a", "b"]), "abc".center(9, "*"), "abc".ljust(5) + "|", "42".zfill(5), "-42".zfill(5))
print("hello world".title(), "HeLLo".swapcase(), "hello".capitalize(), "ß".upper(), "ǅ".lower())
print("abcabc".find("c"), "abcabc".rfind("c"), "abc".find("z"), "abcabc".count("bc"), "aaa".count(""))
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
print("abc".replace("b", "B"), "aaaa".replace("a", "b", 2), "abc".startswith(("x", "a")), "abc".endswith("bc", 0, 3))
print("Hello".partition("l"), "Hello".rpartition("l"), "Hello".partition("z"))
print("12".isdigit(), "1.2".isdigit(), "abc".isalpha(), " ".isspace(), "Ab".isupper(), "中文".isalpha(), "٣".isdigit(), "½".isnumeric())
print("tab\there".expandtabs(4), "%s-%d-%05.1f-%r-%x" % ("a", 3, 2.25, "q", 255), "%(n)s=%(v)d" % {"n": "x", "v": 2})
print("prefix_name".removeprefix("prefix_"), "file.py".removesuffix(".py"), "{:>8}".format("r"), "{0}{1}{0}".format("a", "b"))
print("{name:^10}|{0:.2f}|{x[1]}|{p.real}".format(3.14159, name="N", x=[5, 6], p=2))
print(str.maketrans("abc", "xyz"), "aabbcc".translate(str.maketrans("abc", "xyz", "c")))
print(ord("中"), chr(20013), "中文".encode(), "中文".encode("utf-8").decode(), len("中文".encode()))
print("café".encode("ascii", errors="replace"), "café".encode("ascii", "ignore"), ascii("café"))
try:
    "café".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(repr("it's"), repr('say "hi"'), repr("both ' \""), repr("\t\x00\u200b"), repr("\\"))
print("abc"[::-1], "abcdef"[1:5:2], "abc"[-10:10], "abc" * 0, "ab" < "b", "a" < "B", sorted("bAca"))
print(sorted(["b", "A", "c", "a"], key=str.lower), sorted(["bb", "a", "ccc"], key=len, reverse=True))
print(min("hello"), max("hello", key=ord), "x".join("abc"), "".join(reversed("abc")))
print("%5s|%-5s|%.2s" % ("ab", "ab", "abc"), "%c%c" % (65, "B"), "%%", "%e" % 12345.678, "%g" % 0.00001)
print(b"abc".hex(), bytes.fromhex("6162 63"), b"a" + bytes([98, 99]), b"abc"[0], b"abc"[:1], list(b"hi"))
ba = bytearray(b"hello")
ba[0] = ord("J"); ba += b"!"; ba.extend(b"??"); del ba[-1]
print(ba, bytes(ba), ba.decode(), ba.upper(), len(ba), ba.find(b"l"), bytearray(3))
print(b"a,b".split(b","), b" x ".strip(), b"abc".replace(b"b", b"B"), b"%d-%s" % (5, b"x"), bytes(3))
try:
    b"abc" + "d"
except TypeError as e:
    print("TypeError:", e)
try:
    "abc" + b"d"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    ba[0] = 300
except ValueError as e:
    print("ValueError:", e)
print("Straße".casefold(), "ﬁ".upper(), "İ".lower().encode(), "hello world foo".split(" ", -1))
print(f"{'中文':>6}|{'ab':<4}|{'x'!r:^7}|{'long string':.4}|")
