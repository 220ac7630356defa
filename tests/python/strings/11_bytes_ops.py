# bytes: literals, indexing, slicing, methods, comparisons, conversions.
b = b"Hello, World"
print(b, len(b), b[0], b[-1], b[:5], b[::-1], b[7:])
print(b.lower(), b.upper(), b.split(b", "), b.replace(b"World", b"Bytes"), b.find(b"o"), b.count(b"l"))
print(b.startswith(b"Hell"), b.endswith(b"d"), b"ell" in b, 72 in b, b.index(b"W"))
print(list(b"abc"), bytes([65, 66, 67]), bytes(range(48, 58)), bytes.fromhex("de ad be ef"))
print(b"abc".hex(), b"\x00\x01\xff".hex(), b"a" * 3, b"a" + b"b", b"ab" < b"b", b"" == bytes())
print(b" strip ".strip(), b"a,b,,c".split(b","), b"-".join([b"x", b"y"]), b"abc".center(7, b"*"))
print(b"caf\xc3\xa9".decode(), "café".encode(), "café".encode("utf-8") == b"caf\xc3\xa9")
print(repr(b"\t\n\r\x7f\x80"), repr(b"'"), repr(b'"'), repr(b"'\""), repr(rb"\d"))
print(type(b[0]).__name__, type(b[:1]).__name__, b[0:1] == b"H", bytes(b"copy"))
print(b"%d-%s" % (5, b"x"), b"abc".isalpha(), b"123".isdigit(), b"Ab".islower())
try:
    b"abc" + "def"
except TypeError as e:
    print("TypeError:", e)
try:
    b"abc"[5]
except IndexError as e:
    print("IndexError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), (258).to_bytes(2, "big"))
print(sorted(b"hello"), max(b"abc"), sum(b"\x01\x02\x03"), bytes(reversed(b"abc")))
