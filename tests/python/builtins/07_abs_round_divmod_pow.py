# abs, round, divmod, pow, hex/oct/bin, chr/ord, format.
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(True))
print(round(3.14159), round(3.14159, 2), round(-3.5), round(4.5), round(0.5), round(1.5), round(2.5))
print(round(1234.5678, -2), round(15, -1), round(25, -1), round(-15, -1), round(7, 0), round(7.0, 0))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-0.5, 1))
print(pow(2, 10), pow(2.0, 3), pow(2, -2), pow(10, 3, 7), pow(-1, 0), pow(0, 0), pow(4, 0.5))
print(hex(0), hex(4096), oct(64), bin(10), bin(-10), hex(-256))
print(chr(0x263A), ord("€"), chr(10) == "\n", [ord(c) for c in "az"])
print(format(3.14159, ".3f"), format(42, "08b"), format(1e6, ","), format("x", "*>4"), format(255, "#x"), format(0.25, "%"))
print(format(-7, " d"), format(7, "+d"), format(1234.5, "_.2f"), format(65, "c"))
print(round(2.675, 2), round(2.665, 2), round(0.1 + 0.2, 1), round(-0.05, 1))
print(type(round(1.5)).__name__, type(round(1.5, 1)).__name__, type(abs(-1.0)).__name__, type(pow(2, -1)).__name__)
try:
    divmod(5, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    divmod(5.0, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
