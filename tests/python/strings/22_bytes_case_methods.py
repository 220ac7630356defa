# bytes/bytearray ASCII case methods: isascii, islower, isupper, swapcase, capitalize, title.
for b in [b"hello World", b"ABC", b"abc", b"", b"123", b"a1B2", b"\xe9t\xc9", b"o'neil mc-DONALD", bytearray(b"mIxEd cAsE")]:
    print(b, b.isascii(), b.islower(), b.isupper(), b.swapcase(), b.capitalize(), b.title(), b.upper(), b.lower())
