# Misusing the slots of built-in types: layout conflicts, __new__ of the wrong class, a descriptor
# applied to the wrong type.
try:
    class E(Exception, dict):
        pass
    print("created")
    raise E("x")
except TypeError as e:
    print("TypeError:", e)
except Exception as e:
    print("caught", type(e).__name__)
for f in (lambda: dict.__new__(list), lambda: int.__new__(5), lambda: str.__new__(object), lambda: list.__init__(5), lambda: dict.__getitem__([], 0), lambda: bytearray.fromhex(3), lambda: bytearray(b"a")[::0]):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
