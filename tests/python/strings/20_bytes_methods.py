# bytes methods: case (ASCII only), search, split/strip (ASCII whitespace), justification,
# join/fromhex, membership, and CPython's TypeErrors for str arguments.
b = b"Hello, World"
print(b.lower(), b.upper(), b.swapcase(), b"hello world".title(), b"hELLO".capitalize())
print(b"caf\xc3\xa9 \xe9".upper(), b"\xe9".isalpha(), b"\xb2".isdigit(), b"".isalpha())
print(b.split(b", "), b.replace(b"World", b"Bytes"), b.replace(b"l", b"L", 2))
print(b.find(b"o"), b.rfind(b"o"), b.find(111), b.count(b"l"), b.count(108), b.index(b"W"), b.rindex(b"l"))
print(b.startswith(b"Hell"), b.endswith((b"x", b"d")), b"ell" in b, 72 in b, b"" in b, b"xyz" in b)
print(b"  a b\t\nc  ".split(), b" a  b ".split(None, 1), b"a b c".rsplit(None, 1), b"\xa0x\xa0".split())
print(b" strip\x0b".strip(), b"xxaxx".strip(b"x"), b"  l".lstrip(), b"r  ".rstrip(), b"\xa0a\xa0".strip())
print(b"a,b,,c".split(b","), b"a,b,c".rsplit(b",", 1), b"a\nb\r\nc".splitlines(), b"a\nb".splitlines(True))
print(b"-".join([b"x", b"y", b"z"]), b"".join([]), b"abc".center(7, b"*"), b"7".zfill(3), b"ab".ljust(4, b"."), b"ab".rjust(4))
print(b"key=value".partition(b"="), b"a.b.c".rpartition(b"."), b"prefix_x".removeprefix(b"prefix_"), b"x.py".removesuffix(b".py"))
print(bytes.fromhex("de ad be ef"), bytes.fromhex(""), b"a\tb".expandtabs(4), b"abc".isascii(), b"Ab Cd".istitle())
print(b"ABC".isupper(), b"abc1".isalnum(), b" \t".isspace(), b"Ab".islower(), b"123".isdigit())
for bad in (lambda: b.find("o"), lambda: b.split(","), lambda: "o" in b, lambda: b"-".join(["a"]),
            lambda: b.find(300), lambda: bytes.fromhex("zz"), lambda: b.index(b"q")):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
