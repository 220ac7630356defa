# Combinations of fill, align, sign, #, 0, width, grouping, precision and type.
x = 1234.5678
for spec in ["=+12.2f", "^+12.1f", "*<+12.0f", "#.0f", "#x", "#o", "012,.2f", "-^12,", "+,.3e", " 10.3g", "_^15,.2f", ".0%", ">10.2%"]:
    try:
        print(f"{spec:>10} [{format(x if 'x' not in spec and 'o' not in spec else int(x), spec)}]")
    except ValueError as e:
        print(f"{spec:>10} ValueError: {e}")
for v in [0, -0.0, 0.0, 1e-7, 123456789.0, -42]:
    print(f"[{v:g}] [{v:+g}] [{v:.3g}] [{v:e}] [{v:08.2f}] [{v:,}]")
print(f"{12345:08,}", f"{-12345:010,}", f"{12345:_x}", f"{0xFFFF_FFFF:_X}", f"{255:#010b}")
print(f"{1.0:.0f}", f"{1.0:#.0f}", f"{1.5:#g}", f"{100.0:#g}", f"{0.1:.20f}")
print(f"{float('nan'):+}", f"{float('inf'):08.2f}", f"{-float('inf'):>8}", f"{float('nan'):^7}|")
print(f"{True:x}", f"{False:+d}", f"{7:n}", f"{3.5:n}")
for bad in ["{:,d}".format, lambda v: format(1.5, "x"), lambda v: format(5, ".2d"), lambda v: format("s", ",")]:
    try:
        print(bad(1.5))
    except ValueError as e:
        print("ValueError:", e)
