# Unicode in containers, sorting, dict keys, string operations.
fruits = {"苹果": 5, "香蕉": 2, "橙子": 7}
print(fruits, sorted(fruits), sorted(fruits.items(), key=lambda kv: kv[1]))
print(max(fruits, key=fruits.get), list(fruits.keys()), "香蕉" in fruits)
words = "我 喜欢 学习 Python 和 数学".split()
print(words, len(words), [len(w) for w in words])
print(" / ".join(reversed(words)), "".join(words))
print({w: i for i, w in enumerate(words)})
poem = """床前明月光，
疑是地上霜。
举头望明月，
低头思故乡。"""
lines = poem.splitlines()
print(len(lines), [len(l) for l in lines], lines[2])
print(poem.count("明月"), poem.index("霜"), poem.replace("明月", "🌕"))
chars = {}
for ch in poem:
    if ch not in "，。\n":
        chars[ch] = chars.get(ch, 0) + 1
print(sorted(((n, c) for c, n in chars.items() if n > 1)))
print([c for c in "a中b文c" if ord(c) > 127], "a中b文c".encode("utf-8").hex())
print(f"{'总计':>4}: {sum(fruits.values()):>3}")
