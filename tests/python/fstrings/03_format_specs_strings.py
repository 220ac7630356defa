# String format specs: fill, align, width, precision; format() and str.format.
s = "hi"
print(f"[{s:5}] [{s:<5}] [{s:>5}] [{s:^5}] [{s:^6}] [{s:*^7}] [{s:.1}] [{s:10.1}]")
print(f"[{'abcdef':.3}] [{'abcdef':>8.2}] [{'':3}] [{s:1}]")
w = 8
for word in ["a", "abc", "abcdefghij"]:
    print(f"|{word:<{w}}|{word:>{w}}|{word:^{w}}|")
print("{:>6}|{:<6}|{:^6}".format("x", "y", "z"))
print("{0:_^10}|{1:.2f}|{2!r:>6}".format("mid", 2.0 / 3, "q"))
print("{name:>8}|{val:08.3f}".format(name="pi", val=3.14159))
print(format("text", ">10"), format("text", "<10") + "|", format("x", "^3"))
table = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 100)]
print(f"{'item':<8}{'price':>8}{'qty':>5}")
for name, price, qty in table:
    print(f"{name:<8}{price:>8.2f}{qty:>5d}")
print(f"{'total':<8}{sum(p * q for _, p, q in table):>8.2f}")
try:
    f"{'x':=5}"
except ValueError as e:
    print("ValueError:", e)
try:
    f"{'x':+}"
except ValueError as e:
    print("ValueError:", e)
try:
    format([1], "5")
except TypeError as e:
    print("TypeError:", e)
print(f"{[1, 2]!s:>10}|", f"{(1, 'a')!r:<12}|", f"{None!s:^8}|")
