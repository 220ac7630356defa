# Printable vs non-printable code points in repr; escapes; surrogates avoided.
chars = ["a", "é", "中", "😀", "\u00a0", "\u2028", "\u200d", "\u0301", "\t", "\x1f", "\x80", "\xff", "\u0100", "\ufeff", "ｶ"]
for c in chars:
    print(f"U+{ord(c):04X}", repr(c), ascii(c), c.isprintable())
print(repr("tab\tand\u00e9"), "caf\u00e9", "\U0001F40D", len("\U0001F40D"))
print("ǆ".upper(), "ǆ".title(), "ǅ".lower(), "İ".casefold() == "i̇")
print("ΑΒΓ".lower(), "αβγ".upper(), "Σίσυφος".upper(), "ὈΔΥΣΣΕΎΣ".lower())
print(sorted(["b", "a", "é", "z", "中", "A"]))
print("é".encode("utf-8"), "é".encode("latin-1"), b"\xe4\xb8\xad".decode("utf-8"))
try:
    "中".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print("中".encode("ascii", errors="replace"), b"\xff".decode("utf-8", errors="replace"))
