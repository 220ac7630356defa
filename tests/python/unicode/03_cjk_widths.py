# f-string widths count code points, not display columns (CPython behaviour).
items = [("苹果", 3.5), ("香蕉", 12.0), ("apple", 1.25), ("西瓜汁", 100.0)]
for name, price in items:
    print(f"|{name:<6}|{price:>8.2f}|")
for name, _ in items:
    print(f"[{name:^7}] [{name:>7}] [{name:*<7}]")
print(f"{'中':=^5}", f"{'中文':.1}", f"{'你好世界':.2}|")
print("{:>6}|{:<6}|".format("汉字", "漢字"))
print("中文".ljust(5, "."), "中文".rjust(5, "."), "中文".center(6, "-"), "中文".zfill(4))
print("%5s|%-5s|" % ("中", "文"))
header = f"{'名称':<4}{'数量':>4}"
print(header, len(header))
table = {"北京": 2154, "上海": 2428, "广州": 1530}
for city, pop in table.items():
    print(f"{city:　<4}{pop:>6,}")
print(f"{len('北京'):03d}", f"{'北京'!r:>8}", f"{'北京'!a}")
