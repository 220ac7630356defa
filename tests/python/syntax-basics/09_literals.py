# Literal forms: ints in bases, underscores, floats, strings, bytes, containers.
print(0b1010, 0o17, 0xff, 0XFF, 1_000_000, 0x_ff)
print(1.5, .5, 5., 1e3, 1E-3, 1_0.5e1_0)
print(True, False, None, ...)
print('single', "double", '''triple
quoted''', """also "triple" """)
print(r"raw\n", "esc\\n", "tab\there", 'it\'s', "q\"q")
print("\x41\u00e9\N{GREEK SMALL LETTER ALPHA}\101")
print(b"bytes", b'\x00\xff', rb"\d", len(b"abc"))
print([], [1], [1, 2,], (), (1,), (1, 2), {}, {1: 2}, {1, 2})
print(type(...).__name__, type(()).__name__, type({}).__name__)
print(0, -0, +5, -(-5), ~5, --5)
print(10 ** 18, -2 ** 2, (-2) ** 2, 2 ** -1)
print("a" "b" 'c')
print("""line1
line2""".splitlines())
print('''x''' == 'x')
x = 42
print(f"{x}", rf"{x}\n", fr"\t{x}")
print(0o777 - 511, 0b11111111 == 0xFF)
