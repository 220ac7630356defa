# Chinese text in strings: length, slicing, methods, repr, encoding.
s = "你好，世界"
print(s, len(s), s[0], s[-2:], s[::-1], repr(s))
print(s.find("世界"), "世" in s, s.replace("世界", "Python"), s.split("，"))
print(s.encode("utf-8"), len(s.encode("utf-8")), s.encode().decode() == s)
mixed = "Python是一种编程语言"
print(mixed.upper(), mixed.lower(), mixed.isalpha(), mixed[:6], mixed[6:])
print([ord(c) for c in "中文"], chr(20013) + chr(25991), hex(ord("字")))
print(sorted("三二一"), max("甲乙丙"), min("甲乙丙"))
names = ["张三", "李四", "王五"]
print(names, ", ".join(names), str(names), {"名字": names[0]})
print("数" * 3, "中" < "文", "ab中" > "ab")
print(f"{s}!", f"{s!r}", f"{len(s)=}")
print("  空格  ".strip(), "【标题】".strip("【】"), "a，b，c".split("，"))
print("日本語".isalpha(), "１２３".isdigit(), "１２３".isdecimal(), int("１２３"))
print("Ünïcödé".lower(), "straße".upper(), "ǅ".istitle(), "ﬁ".upper())
print(ascii("中"), "\u4e2d\u6587", "\N{CJK UNIFIED IDEOGRAPH-4E2D}")
counts = {}
for ch in "我爱我家":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print("😀".encode("utf-8"), len("😀"), len("👨‍👩‍👧"), "👍" * 2)
print("é" == "e\u0301", len("e\u0301"), "café".center(8, "*"))
