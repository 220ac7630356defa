# hex, oct, bin, format of ints in bases, int() parsing with bases.
for n in [0, 1, 7, 8, 15, 16, 255, 256, -1, -255, 1000, 65535]:
    print(n, hex(n), oct(n), bin(n))
print(format(255, "x"), format(255, "X"), format(255, "#x"), format(255, "o"), format(255, "b"))
print(format(5, "08b"), format(255, "#010x"), format(-5, "b"), format(1234567, ","))
print(f"{255:x} {255:#X} {8:o} {5:b} {5:#b} {-42:x}")
print(int("FF", 16), int("ff", 16), int("777", 8), int("1111", 2), int("Z", 36))
print(int("0xff", 0), int("0o10", 0), int("0b11", 0), int("42", 0), int("-0x10", 16))
print(int("1_000_000"), int(" 12 "), int("+5"), int("-0"))
print(0x7FFFFFFF, 0o1234567, 0b1010_1010)
print(chr(65), chr(0x4e2d), ord("A"), ord("中"), ord("\n"))
for base in (2, 8, 10, 16, 36):
    print(base, int("101", base))
try:
    int("0x10", 10)
except ValueError as e:
    print("ValueError:", e)
try:
    int("10", 1)
except ValueError as e:
    print("ValueError:", e)
print(hex(2 ** 32), bin(2 ** 16 - 1).count("1"))
