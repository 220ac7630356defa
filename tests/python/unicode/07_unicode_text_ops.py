# Text operations on mixed-script strings: search, split, case, reversal, counting.
s = "Hello 世界 Привет мир Γειά σου"
print(s.split(), len(s), s.upper(), s.lower())
print(s.find("世界"), s.index("мир"), "Γειά" in s, s.count(" "))
print(s.title(), s.swapcase())
print(s[::-1], s[6:8], s[-3:])
words = s.split()
print(sorted(words), sorted(words, key=len), [w[0] for w in words])
print({w: len(w.encode("utf-8")) for w in words})
print("мир".capitalize(), "σου".upper(), "ΣΟΥ".lower(), "ß".upper(), "ǉ".capitalize())
print("x".join(["中", "文"]), "中文".center(6, "。"), "中-文-字".split("-"))
print("中文" * 2, "中" < "文", max(["乙", "甲", "丙"]), ord("乙") < ord("甲"))
text = "春眠不觉晓，处处闻啼鸟。"
print(text.replace("，", ", ").replace("。", "."), text.strip("。"), text.partition("，"))
print([c for c in text if c not in "，。"], len(text), text.endswith("。"))
print(f"{text:>14}|", f"{text[:4]:*^8}|", f"{'Ω':#>3}")
