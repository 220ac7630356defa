# __str__, __repr__, __format__, __bool__, __len__ interplay with builtins.
class Both:
    def __str__(self):
        return "str!"
    def __repr__(self):
        return "repr!"
b = Both()
print(b, str(b), repr(b), [b], (b,), {"k": b}, f"{b}|{b!r}", "%s|%r" % (b, b), "{}|{!r}".format(b, b))
class LenOnly:
    def __len__(self):
        return 3
print(bool(LenOnly()), len(LenOnly()))
class BoolAndLen:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(BoolAndLen()))
class BadStr:
    def __str__(self):
        return 42
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
class BadBool:
    def __bool__(self):
        return "yes"
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class Temp:
    def __init__(self, deg):
        self.deg = deg
    def __repr__(self):
        return f"Temp({self.deg!r})"
    def __str__(self):
        return f"{self.deg}°"
temps = [Temp(20), Temp(21.5)]
print(temps, *temps, sep=" / ")
print(str(temps), ", ".join(map(str, temps)))
class IntLike:
    def __index__(self):
        return 2
print([10, 20, 30][IntLike()], bin(IntLike()), hex(IntLike()), range(IntLike()))
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 7.5
print(int(Num()), float(Num()))
