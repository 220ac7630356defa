# bytearray: constructor forms, indexing and slice assignment, the mutating methods, the methods
# shared with bytes, operators, comparisons with bytes, and the errors as CPython words them.
ba = bytearray(b"hello")
print(ba, repr(ba), type(ba).__name__, len(ba), ba[0], ba[-1], ba[1:3], bytearray(), bytearray(3), bytearray([65, 66]), bytearray("hé", "utf-8"))
ba[0] = 72
ba.append(33)
ba.extend(b" ok")
ba.extend([49, 50])
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 74)
ba.remove(ord("l"))
print(ba)
ba[1:3] = b"XYZ"
print(ba)
del ba[0]
del ba[-2:]
print(ba, ba + b"!", b"<" + ba, ba * 2, 3 * bytearray(b"ab"), b"X" in ba, 89 in ba, bytearray(b"Z") in ba)
ba += b"++"
ba2 = ba
ba2 *= 2
print(ba is ba2, ba)
ba.reverse()
print(ba, ba.copy(), ba.copy() is ba)
ba.clear()
print(ba, len(ba), bool(ba), bool(bytearray(b"x")))
x = bytearray(b"  Hello World  ")
print(x.strip(), x.upper(), x.lower(), x.split(), x.find(b"World"), x.count(b"l"), x.replace(b"l", b"L"), x.startswith(b"  H"), x.decode(), x.strip().decode("ascii"))
print(bytearray(b"abc").hex(), bytearray.fromhex("de ad be ef"), bytes.fromhex("00ff"), x.partition(b"o"), bytearray(b",").join([b"a", bytearray(b"b")]))
print(bytes(bytearray(b"q")), list(bytearray(b"AB")), bytearray(b"a") == b"a", b"a" == bytearray(b"a"), bytearray(b"a") < bytearray(b"b"), bytearray(b"ab") != b"ab")
print(isinstance(ba, bytearray), isinstance(b"", bytearray), str(bytearray(b"s")), f"{bytearray(b'f')}", [bytearray(b"in list")])
for c in bytearray(b"hi"):
    print(c)
for bad in (lambda: hash(bytearray()), lambda: {bytearray(): 1}, lambda: bytearray(b"a")[5], lambda: bytearray().pop(),
            lambda: bytearray(b"a").remove(7), lambda: bytearray([300]), lambda: bytearray("x"), lambda: bytearray(b"a") + "s",
            lambda: bytearray(b"a").__setitem__(0, 256), lambda: bytearray.fromhex("zz"), lambda: bytearray(-1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
class Buf(bytearray):
    def shout(self):
        return self.upper()
b = Buf(b"abc")
b.append(100)
print(b, b.shout(), len(b), isinstance(b, bytearray))
