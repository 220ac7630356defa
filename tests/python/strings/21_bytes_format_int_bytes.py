# bytes % formatting and int.from_bytes / int.to_bytes, including CPython's errors.
print(b"%d-%s" % (5, b"x"), b"%05.1f|%x|%c" % (3.14159, 255, 65), b"%s" % b"only", b"%b!" % b"b")
print(b"%-4d|%+d|%%" % (7, 3), b"[%s]" % (b"",))
for n, args in ((258, (2, "big")), (258, (2, "little")), (0, (1, "big")), (-1, (2, "big"))):
    try:
        print(n.to_bytes(*args), n.to_bytes(*args, signed=True))
    except OverflowError as e:
        print("OverflowError:", e)
print((-129).to_bytes(2, "big", signed=True), (127).to_bytes(1, "big", signed=True), (5).to_bytes())
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff\xfe", "big", signed=True))
print(int.from_bytes(b"\x80", "big", signed=True), int.from_bytes(b"", "big"), int.from_bytes([1, 2], "big"))
big = int.from_bytes(b"\x7f" + b"\xff" * 7, "big")
print(big, big.to_bytes(8, "big") == b"\x7f" + b"\xff" * 7, (2 ** 60).to_bytes(9, "little"))
for bad in (lambda: (256).to_bytes(1, "big"), lambda: (128).to_bytes(1, "big", signed=True),
            lambda: (1).to_bytes(1, "middle"), lambda: b"%s" % "str", lambda: (-1).to_bytes(1, "big")):
    try:
        print(bad())
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
