# Iterating strings, building strings, ord/chr round trips.
word = "stressed"
print("".join(reversed(word)), word[::-1])
print([c for c in "abc"], [c.upper() for c in "xyz" if c != "y"])
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("a") if ch.islower() else ord("A")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, -3))
print([ord(c) for c in "AZaz09"], "".join(chr(c) for c in range(97, 103)))
def is_palindrome(s):
    clean = [c.lower() for c in s if c.isalnum()]
    return clean == clean[::-1]
print(is_palindrome("A man, a plan, a canal: Panama"), is_palindrome("hello"))
vowels = sum(1 for c in "programming language" if c in "aeiou")
print("vowels:", vowels)
print(" ".join(w.capitalize() for w in "the art of programming".split()))
s = ""
for i in range(5):
    s += str(i)
print(s, s * 2, s[1:-1])
print(list(enumerate("ab")), list(zip("abc", "12")))
print("abc".index("c"), "a-b".split("-"), "AbC".lower() == "abc")
print(str.upper("x"), str.join("+", ["1", "2"]), str.__name__)
print("{} {}".format("a", "b"), "{1}{0}".format("x", "y"), "{name}!".format(name="hi"), "{:>4}|{:<4}|{:^4}".format(1, 2, 3))
print("{0[1]} {1[k]} {0!r}".format(["p", "q"], {"k": "v"}))
