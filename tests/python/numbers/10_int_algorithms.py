# Integer algorithms: digits, primes, bases, bit tricks, modular arithmetic.
def digits(n):
    return [int(d) for d in str(abs(n))]
print(digits(90210), sum(digits(2 ** 40)), digits(-7))
def to_base(n, b):
    chars = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    out = ""
    neg = n < 0
    n = abs(n)
    while n:
        n, r = divmod(n, b)
        out = chars[r] + out
    return "-" + out if neg else out
print([to_base(255, b) for b in (2, 8, 16, 36)], to_base(-10, 3), int(to_base(12345, 7), 7))
sieve = [True] * 50
sieve[0] = sieve[1] = False
for i in range(2, 8):
    if sieve[i]:
        for j in range(i * i, 50, i):
            sieve[j] = False
print([i for i, p in enumerate(sieve) if p])
print(bin(0b1011 & -0b1011), (12 & (12 - 1)), [n for n in range(20) if n & (n - 1) == 0])
print(bin(37).count("1"), (37).bit_length(), 1 << 20, (1 << 20) - 1 == 0xFFFFF)
print(pow(3, 200, 1000), pow(7, 123456, 13), (3 ** 20) % 1000)
def collatz_len(n):
    steps = 1
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print(max(range(1, 1000), key=collatz_len), collatz_len(27))
print(sum(i * i for i in range(1, 101)), sum(range(1, 101)) ** 2)
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print([isqrt(n) for n in [0, 1, 2, 99, 100, 10 ** 12]])
print(-17 // 4, -17 % 4, 17 // -4, 17 % -4, -(17 // 4), int(-17 / 4))
print(0xDEAD_BEEF, 0o7_7, 0b1_0, 1_2_3)
