# float.hex/float.fromhex round trips and errors, int.bit_count, str(bytes, encoding, errors).
for x in [1.5, 0.0, -0.0, 0.1, -2.75, 1e300, 5e-324, 2.2250738585072014e-308, float("inf"), float("-inf"), float("nan"), 3.0, 1/3]:
    print(x, x.hex(), float.fromhex(x.hex()) == x or x != x)
for s in ["0x1.8p+1", "  -0x1p-2 ", "1.8", "0xA", "0x.8", "inf", "-Infinity", "nan", "0x1p1024", "zz", "0x", "1p"]:
    try:
        print(repr(s), float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__, e)
print((0).bit_count(), (-7).bit_count(), (2**40 - 1).bit_count(), True.bit_count())
print(str(b"caf\xc3\xa9", "utf-8"), str(b"\xff", "utf-8", "replace"), str(b"abc", encoding="ascii"), str(bytearray(b"z"), "ascii"), str(b"x", errors="strict"))
for bad in (lambda: str("s", "utf-8"), lambda: str(5, "utf-8"), lambda: str(b"\xff", "utf-8"), lambda: str(b"a", "utf-8", "strict", 1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
