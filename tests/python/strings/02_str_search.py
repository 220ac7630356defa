# find/index/count/replace/in.
s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.rfind("cat"))
print(s.index("quick"), s.rindex("o"), s.count("o"), s.count("the"), s.count(""))
print(s.count("o", 20), s.count("o", 0, 15), s.find("o", -5))
print(s.replace("the", "a"), s.replace("o", "0", 2), s.replace("", "-")[:9])
print("fox" in s, "cat" not in s, "" in s)
try:
    s.index("cat")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("cat")
except ValueError as e:
    print("ValueError:", e)
print("aaa".replace("a", "bb"), "abab".replace("ab", ""), "x".replace("x", "x" * 3))
print("mississippi".partition("ss"), "mississippi".rpartition("ss"), "abc".partition("z"), "abc".rpartition("z"))
print("hello"[1], "hello"[-1], "hello"[1:3], "hello"[::-1], "hello"[::2], "hello"[10:])
try:
    "hello"[10]
except IndexError as e:
    print("IndexError:", e)
try:
    "abc"[0] = "z"
except TypeError as e:
    print("TypeError:", e)
print("a,b,,c".split(","), "a b  c ".split(), " x ".split(" "), "a-b-c".split("-", 1), "a-b-c".rsplit("-", 1))
print("line1\nline2\r\nline3".splitlines(), "x\n\ny\n".splitlines(), "x\ny\n".splitlines(True))
print("".split(), "".split(","), "abc".split("abc"))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
