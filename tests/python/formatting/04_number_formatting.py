# Number formatting helpers: money, percentages, sizes, durations.
def money(x):
    sign = "-" if x < 0 else ""
    return f"{sign}${abs(x):,.2f}"
for v in [0, 1, -1.5, 1234.567, 1e6, -9876543.21]:
    print(money(v))
def human_size(n):
    for unit in ["B", "KB", "MB", "GB"]:
        if n < 1024:
            return f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"
for n in [0, 512, 1024, 1536, 10 ** 6, 5 * 1024 ** 3, 2 ** 45]:
    print(n, human_size(n))
def duration(seconds):
    m, s = divmod(seconds, 60)
    h, m = divmod(m, 60)
    return f"{h:02d}:{m:02d}:{s:02d}"
for s in [0, 59, 61, 3600, 3661, 86399]:
    print(s, duration(s))
for ratio in [0, 0.5, 0.333333, 1, 1.5]:
    print(f"{ratio:.0%} {ratio:.2%} {ratio * 100:5.1f}%")
print(f"{3.14159:.0f} {2.71828:.4f} {1/7:.12f} {1e-10:.3e} {123456.789:.2e}")
print(round(2.675, 2), f"{2.675:.2f}", f"{0.125:.2f}", f"{0.375:.2f}", f"{1.5:.0f}", f"{2.5:.0f}")
print(f"{7:3}|{7:03}|{-7:3}|{-7:03}|{7:<3}|{7:+3}")
print(f"{1234567.0:,}", f"{1234567.25:,}", f"{0.000001:,}", f"{1e16:,}")
