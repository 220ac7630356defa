# repr of strings: quote choice, escapes, non-printables.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash",
           "\x00\x07\x1b", "\r", "é", "中文", "\u200b", "\x7f", "\xa0", "emoji 😀", "\ud7ff", "'", '"', ""]
for s in samples:
    print(repr(s), len(s))
print(str("a\nb"))
print(repr("\x41\x42"), "\101\102", "\u0041", "\U0001F600" == "😀")
print("a\
b")
print(r"\d+\.\w*", r"C:\new\table", len(r"\t"))
print("""triple with 'single' and "double" quotes""")
print('''He said "it's"''')
print(repr("""multi
line"""))
print(ascii("é中😀"), ascii("plain"), repr(["é", "\n"]))
print("\N{BULLET} \N{EM DASH}")
print(repr(b"bytes\x00\xff'"), repr(b'"'), repr(b"'\""))
print(b"abc"[0], b"abc"[1:], list(b"hi"), bytes([104, 105]), b"a" + b"b", b"x" * 3)
print("é".encode("utf-8"), b"\xc3\xa9".decode("utf-8"), "abc".encode(), len("中".encode()))
print(b"hello".upper(), b"a,b".split(b","), b" x ".strip(), b"abc".decode())
print(bytes(3), bytearray(b"ab"), type(b"").__name__)
