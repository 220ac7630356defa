# f-string edge cases: nested quotes, escapes outside expressions, multiline expressions, =.
name = "Zed"
items = {"key": "value"}
print(f'{items["key"]}', f"{items['key']}", f"""{items["key"]}""")
print(f"{name!r:>{len(name) + 4}}", f"{'x' * 3}", f"{name[::-1]}")
print(f"\t{name}\n".strip(), f"\\{name}\\", f"{{name}}", f"{{{{}}}}")
value = 12.5
print(f"{value:{'>'}{10}.{2}f}|", f"{value!s:>6}|", f"{value!r:<6}|")
total = (
    f"{1 + 2}"
    f"{'-'}"
    f"{3 * 4}"
)
print(total)
print(f"{name.upper()}")
width = 6
for align in "<^>":
    print(f"[{name:{align}{width}}]")
n = 255
print(f"{n:#x} {n:#o} {n:#b} {n:x} {n:X} {n:c}" if n < 256 else "")
print(f"{3 > 2} {3 if 3 > 2 else 2} {[x for x in 'ab']}")
print(f"{'a' if True else 'b'!r}")
print(f"{n=:#x}", f"{name = !r}", f"{value * 2 = :.1f}")
d = {"a": [1, {"b": 2}]}
print(f"{d['a'][1]['b']}", f"{d!r}", f"{len(d['a'])}")
print(f"{-1:+d} {1:+d} {0:+d} {-0.0:+.1f} {0.0:+.1f}")
print(f"{1234567:_d} {1234567:,d} {0.5:.0%} {2.5:.0f} {3.5:.0f}")
print(f"{'':>3}|{'':<3}|{'':^3}|")
print(f"{None!r} {True!s} {3.0!r} {'q'!a}")
