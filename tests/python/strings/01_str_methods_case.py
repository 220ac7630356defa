# Case and classification methods.
s = "Hello, World"
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize())
print("hello world".title(), "HELLO".capitalize(), "o'neil's".title())
print(s.casefold(), "ß".upper(), "İ".lower() == "i̇")
for t in ["abc", "ABC", "Abc", "123", "12.5", "", " ", "a1", "\t\n", "Title Case", "x_y"]:
    print(repr(t), t.isalpha(), t.isdigit(), t.isalnum(), t.isupper(), t.islower(), t.isspace(), t.istitle(), t.isidentifier(), t.isnumeric(), t.isdecimal())
print("ⅷ".isnumeric(), "²".isdigit(), "²".isdecimal())
print("abc".startswith("ab"), "abc".startswith(("x", "a")), "abc".endswith("bc"), "abc".startswith("b", 1))
print("abc".endswith(("c", "z"), 0, 3), "abc".startswith(""))
