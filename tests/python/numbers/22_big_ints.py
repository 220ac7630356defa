# Ints past 64 bits: arithmetic, comparisons, hashing, formatting, conversions, bit
# operations and the builtins and modules that take them.
import json
import math
import random
import sys


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
    else:
        print(label, "->", repr(r))


# Boundaries around 2**63 and 2**64, both signs.
edges = [2**63 - 1, 2**63, 2**63 + 1, -(2**63), -(2**63) - 1, 2**64 - 1, 2**64, -(2**64), -(2**64) - 1]
for x in edges:
    print(x, type(x).__name__, -x, abs(x), x + 1, x - 1, x * 3, x // 7, x % 7, divmod(x, -5))
print(sys.maxsize + 1, -sys.maxsize - 2, sys.maxsize * sys.maxsize)
print(9223372036854775807 + 1, -9223372036854775808 - 1, 123456789012345678901234567890)
print(0xFFFF_FFFF_FFFF_FFFF_FF, 0o7777777777777777777777777, 0b1 << 70)

# A Fibonacci generator past fib(92), factorials, powers.
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

for i, f in enumerate(fib()):
    if i in (91, 92, 93, 100, 200):
        print("fib", i, f)
    if i == 200:
        break
print(2**100, 10**20, (-3) ** 41, 7**77 // 3**33, math.factorial(25), math.factorial(30) // math.factorial(28))
print(sum(i * i for i in range(10**6, 10**6 + 1000)) ** 2)
print(sum([2**62] * 8), sum([10**20, -(10**20), 5]))

# Negative exponents give floats; pow with a modulus.
print(2**-1, (2**64) ** -1, (-(2**70)) ** -3, 2 ** 0.5 * 2**64, (2**64) ** 0.5)
print(pow(2, 100, 10**9 + 7), pow(3, 2**70, 2**61 - 1), pow(-7, 3, 2**65), pow(2, 10, -7))
print(pow(5, -1, 2**70 + 3), pow(2**70, -1, 97))
attempt("pow(3, -1, 6)", lambda: pow(3, -1, 6))
attempt("pow(2**70, 2, 0)", lambda: pow(2**70, 2, 0))
attempt("(2**2000) ** -1", lambda: (2**2000) ** -1)
attempt("0 ** -(2**70)", lambda: 0 ** -(2**70))

# Division: floor, modulo and true division (correctly rounded) with mixed signs.
for a in (10**30 + 7, -(10**30) - 7):
    for b in (3, -3, 2**65 + 1, -(2**65) - 1):
        print(a // b, a % b, divmod(a, b), a / b)
print((2**64 + 1) / 3, 123456789012345678901234567890 / -987654321987654321, 1 / 2**2000)
print(2**1074 / 2**2148, 3 / 2**1075, (10**400) / (10**399))
attempt("(2**1024) / 1", lambda: (2**1024) / 1)
attempt("2**70 // 0", lambda: 2**70 // 0)
attempt("2**70 % 0", lambda: 2**70 % 0)
attempt("2**70 / 0", lambda: 2**70 / 0)
attempt("divmod(2**70, 0)", lambda: divmod(2**70, 0))
print(10**20 // 3.0, 10**20 % 7.5, divmod(10**20, 0.5), 2**64 * 0.5, 10**20 + 0.5)

# Comparisons with ints and floats, exact as CPython.
print(2**63 == 2.0**63, 2**63 - 1 < 2.0**63, 2**63 - 1 == 2.0**63, 2**64 + 1 > 2.0**64, 2**64 + 1 == 2.0**64)
print(2**53 + 1 > 2.0**53, 2**53 + 1 == 2.0**53, -(2**70) < -1e21, 10**400 > 1e308, -(10**400) < -1e308)
print(10**400 < float("inf"), 10**400 == float("nan"), 10**400 != float("nan"), 2**64 > 2**63, -(2**64) < -(2**63))
print(sorted([2**64, -(2**64), 1.5, 3, 2**63, -0.5, 10**20, 1e19]))
print(max(2**64, 1.5, 10**19), min(-(2**65), -1e30, 0))
print(2**70 in {2**70: 1}, {2**64: "a"}[2**64], 2**70 in [2**70], [2**70, 1].index(2**70))

# Hashes: CPython's numeric hash, equal for an int and the float of the same value.
for x in (2**61 - 1, 2**61, 2**61 + 5, 2**64, -(2**64), 2**100, -(2**100), 10**30):
    print(hash(x), hash(x) == hash(float(x)) or float(x) != x)
print(len({2**64, 2.0**64, 2**64 + 0, 18446744073709551616}))

# str, repr, format specs, %-formatting, f-strings.
x = 2**70
print(str(x), repr(-x), f"{x}", f"{x:,}", f"{-x:_}", f"{x:x}", f"{x:#X}", f"{-x:#o}", f"{x:#b}")
print(f"{x:>30}|{x:<30}|{x:^30}|{x:*^31}|{-x:=+30}|{x:+}|{x: }|{x:030,}")
print(f"{x:_x}", f"{x:n}", f"{x:e}", f"{x:.3f}", f"{x:g}", f"{x:%}", f"{-(2**64):.2E}")
attempt("format(10**400, 'e')", lambda: format(10**400, "e"))
print("%d %i %x %X %o %#x %10d %-25d|" % (x, -x, x, x, x, -x, 2**64, 2**64))
print("%d" % 1e30, "%.2f" % 2**70, "%e" % -(2**70), "%s %r" % (2**64, -(2**64)))
print(hex(2**70), oct(-(2**70)), bin(2**65 + 1), hex(-(2**64)))

# int() and float() conversions.
print(int("1" * 30), int("-123456789012345678901"), int(" 1_000_000_000_000_000_000_000 "))
print(int("f" * 20, 16), int("0x" + "f" * 20, 16), int("z" * 15, 36), int("0b" + "1" * 70, 0))
print(int(1e30), int(-1e20), int(2.0**63), int(-(2.0**63)), int(1.5e300) % 10**9)
print(float(2**64), float(-(2**70) - 1), float(2**53 + 1), float(10**308), float(2**1023 * 2 - 2**970 - 1))
attempt("float(2**1024)", lambda: float(2**1024))
attempt("float(10**400)", lambda: float(10**400))
attempt("int('1' * 5000)", lambda: int("1" * 5000))
attempt("str(10**5000)", lambda: str(10**5000))
attempt("'%d' % 10**5000", lambda: "%d" % 10**5000)
attempt("f'{10**5000}'", lambda: f"{10**5000}")
print(len(hex(10**5000)), str(10**4299)[:5], len(str(10**4299)))
sys.set_int_max_str_digits(6000)
print(len(str(10**5000)), sys.get_int_max_str_digits())
sys.set_int_max_str_digits(4300)
attempt("set_int_max_str_digits(100)", lambda: sys.set_int_max_str_digits(100))

# round()
print(round(2**70), round(2**70, -5), round(123456789012345678901234, -3), round(-(2**70), -20))
print(round(2**63 - 1, -1), round(-(2**63), -3), round(2**70, 3), round(5 * 10**25, -26), round(15 * 10**25, -26))
print(round(1e20), round(-2.5e30), round(2.0**63))

# Bit operations on negatives: two's complement semantics.
a, b = 2**70 + 12345, -(2**68) - 987
print(a & b, a | b, a ^ b, ~a, ~b, a & 0xFFFF, b & 0xFFFF, b | 0xFF, b ^ -1)
print(a << 5, b << 70, a >> 3, b >> 3, b >> 200, a >> 200, 1 << 100, -1 << 100, (2**64) >> 1)
print(a.bit_length(), b.bit_length(), (2**64).bit_length(), (-(2**64)).bit_length(), a.bit_count(), b.bit_count())
attempt("1 << -1", lambda: 1 << -(2**70))
print((2**64).to_bytes(9, "big"), (-(2**70)).to_bytes(10, "little", signed=True))
print(int.from_bytes(b"\xff" * 10, "big"), int.from_bytes(b"\xff" * 10, "big", signed=True), int.from_bytes(b"\x01" + b"\x00" * 12, "little"))
attempt("(2**64).to_bytes(8, 'big')", lambda: (2**64).to_bytes(8, "big"))
print((2**70).real, (2**70).imag, (2**70).numerator, (2**70).denominator, (2**70).conjugate(), (2**70).__index__())
print(bool(2**64), bool(-(2**64)), not 2**64, isinstance(2**64, int), type(2**64) is int, -(2**64) + 2**64 == 0)

# math
print(math.factorial(50), math.comb(100, 50), math.perm(30, 20), math.perm(25))
print(math.gcd(2**70, 6**30), math.gcd(-(2**80), 2**75 * 3, 0), math.lcm(2**70, 3), math.lcm(2**40, 3**30, 5**20))
print(math.isqrt(10**40), math.isqrt(2**127 - 1), math.floor(2**70), math.ceil(-(2**70)), math.trunc(2**70))
print(math.floor(1e30), math.ceil(-1.5e25), math.trunc(2.0**70))
print(math.log(10**400), math.log2(2**1000), math.log10(10**500), math.log(2**70, 2), math.log(10**50, 10))
print(math.sqrt(2**100), math.exp(math.log(2**70)) > 1e21, math.fabs(-(2**70)), math.isclose(2**70, 2.0**70))
attempt("math.sqrt(10**400)", lambda: math.sqrt(10**400))
attempt("math.log(-(2**70))", lambda: math.log(-(2**70)))
attempt("math.factorial(-(2**70))", lambda: math.factorial(-(2**70)))

# Sequences and indices.
attempt("[0][2**64]", lambda: [0][2**64])
attempt("(1, 2)[-(2**64)]", lambda: (1, 2)[-(2**64)])
attempt("'ab'[2**70]", lambda: "ab"[2**70])
attempt("range(10)[2**63]", lambda: range(10)[2**63])
attempt("[0] * 2**64", lambda: [0] * 2**64)
attempt("'a' * 2**64", lambda: "a" * 2**64)
attempt("[1, 2] * -(2**64)", lambda: [1, 2] * -(2**64))
attempt("-(2**70) * 'ab'", lambda: -(2**70) * "ab")
print([0, 1, 2, 3][-(2**70):2**70], "hello"[1 : 2**64], [0, 1, 2][:: 2**64])

# json
print(json.dumps(2**64), json.dumps([-(2**70), {"k": 10**30}]), json.dumps({2**64: 1}))
print(json.loads("123456789012345678901234567890"), json.loads("[-18446744073709551616, 1]"))

# random: the same Mersenne Twister output as CPython.
r = random.Random(12345)
print(r.getrandbits(64), r.getrandbits(100), r.getrandbits(200), r.getrandbits(65))
print([r.randrange(2**70) for _ in range(3)], r.randint(-(2**65), 2**65), r.randrange(0, 2**80, 2**70 + 1))
print(r.randrange(2**70, -(2**70), -3), r.randint(10, 20), r.getrandbits(63))
attempt("randrange(2**70, 2**69)", lambda: r.randrange(2**70, 2**69))
import operator
print(operator.index(2**70), operator.mul(2**40, -(2**40)), operator.floordiv(-(2**70), 3))

# chr takes a C int, format's 'c' a C long: wider ints overflow before the range check.
for e in ["chr(2**40)","chr(-2**40)","chr(2**100)","chr(-1)","format(2**40,\"c\")","format(2**100,\"c\")","format(-2**100,\"c\")", "chr(2**31)", "chr(2**31-1)"]:
    try: eval(e)
    except Exception as x: print(e, type(x).__name__, x)
