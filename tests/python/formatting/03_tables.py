# Formatting tabular output with padding and alignment.
rows = [("Alice", 31, 55000.5), ("Bob", 4, 1234.0), ("Christina", 102, 0.75)]
header = f"{'Name':<10}|{'Age':>5}|{'Salary':>12}"
print(header)
print("-" * len(header))
for name, age, salary in rows:
    print(f"{name:<10}|{age:>5}|{salary:>12,.2f}")
print("=" * len(header))
total = sum(r[2] for r in rows)
print(f"{'Total':<10}|{'':>5}|{total:>12,.2f}")
widths = [max(len(str(row[i])) for row in rows) for i in range(3)]
print(widths)
for row in rows:
    print(" ".join(str(cell).ljust(w) for cell, w in zip(row, widths)) + "|")
for i in range(1, 4):
    print(" ".join(f"{i * j:3d}" for j in range(1, 6)))
bar_data = {"mon": 3, "tue": 7, "wed": 1}
for day, n in bar_data.items():
    print(f"{day:>4} {'#' * n:<8}| {n}")
print("%-10s%5s" % ("left", "right"))
print("|" + "centered".center(20, ".") + "|")
print(f"{'progress':<10}[{'=' * 6:<10}] {60:3d}%")
