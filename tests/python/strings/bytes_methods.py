b = b"HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhello"
print(b.split(b"\r\n"), b.find(b"\r\n\r\n"), b"OK" in b, 72 in b)
h, _, body = b.partition(b"\r\n\r\n"); print(h, body)
print(b" a b  c ".split(), b" a b  c ".split(None, 1), b" a b  c ".rsplit(maxsplit=1))
print(b"  x\n".strip(), b"xxhixx".strip(b"x"), b"AbC".lower(), b"AbC".upper())
print(b", ".join([b"a", b"b"]), b"abc".startswith(b"ab"), b"abc".endswith((b"c", b"d")))
print(b"a\r\nb\n".splitlines(), b"a\r\nb\n".splitlines(True), b"abca".count(b"a"), b"abc".replace(b"b", b"XX"))
print(b"12".isdigit(), b"abc".index(b"c"), b"abc".rfind(b"z"))
try:
    b"abc".split("b")
except TypeError as e:
    print(e)
try:
    "a" in b"abc"
except TypeError as e:
    print(e)
