# Numeric format specs in f-strings.
x = 1234.5678
n = 1234567
print(f"{x:.2f}|{x:.0f}|{x:10.2f}|{x:<10.1f}|{x:^12.3f}|{x:+.1f}|{-x:.1f}")
print(f"{n:,}|{n:_}|{x:,.2f}|{n:>12,}|{-n:,}|{0:,}")
print(f"{n:e}|{x:.3e}|{x:E}|{0.000123:g}|{x:g}|{1e20:g}|{123456789.0:g}")
print(f"{0.5:%}|{0.125:.1%}|{1:.0%}|{-0.25:%}")
print(f"{42:5}|{42:<5}|{42:^5}|{42:>5}|{42:05}|{-42:05}|{42:+}|{42: }|{-42: }")
print(f"{42:x}|{42:X}|{42:#x}|{42:o}|{42:#o}|{42:b}|{42:#b}|{42:08b}|{255:#06x}")
print(f"{42:*^9}|{42:-<6}|{42:=>6}|{-42:=6}|{42:c}")
print(f"{3.0:g}|{3.5:g}|{1e-5:g}|{1e16:g}|{0.0001:g}|{100000.0:g}|{1000000.0:g}")
print(f"{3.14159:.3}|{1234.5:.3}|{0.1:.1}|{2.5:.0f}|{3.5:.0f}|{-0.0:.1f}")
print(f"{float('inf'):f}|{float('nan'):.2f}|{float('-inf'):>6}|{float('inf'):e}")
print(f"{True:d}|{True:>5}|{True}|{False:05}")
print(f"{12:.2f}|{7:e}|{5:%}")
print(f"{1e6:,.0f}|{1234567.891:,.2f}|{-1234.5:_.1f}")
print(f"{0.1 + 0.2}|{0.1 + 0.2:.17f}|{1/3:.10f}")
for v in [0, 1, -1, 9.99, 10.0, 123.456, -0.001]:
    print(f"[{v:8.2f}] [{v:<8}] [{v:+08.2f}] [{v:g}]")
print(format(3.14159, ".2f"), format(42, "05d"), format(0.5, ".0%"), format(1234, ","), format(7, ""))
try:
    f"{'abc':d}"
except ValueError as e:
    print("ValueError:", e)
try:
    f"{3.5:d}"
except ValueError as e:
    print("ValueError:", e)
