for args in [("x", "big"), (1, "big"), (None, "little"), (3.5, "big")]:
    try:
        print(int.from_bytes(*args))
    except Exception as e:
        print(type(e).__name__, e)
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes([1, 2], "little"), int.from_bytes(bytearray(b"\xff"), "big", signed=True))
for args in [(["a"], "big"), ([256], "big"), (iter([1, 2]), "big"), ((x for x in [3]), "little"), ("", "big")]:
    try:
        print(int.from_bytes(*args))
    except Exception as e:
        print(type(e).__name__, e)
