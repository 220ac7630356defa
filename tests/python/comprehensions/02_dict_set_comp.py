# Dict and set comprehensions.
print({x: x * x for x in range(5)})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({x % 4 for x in range(20)})
print({x * 10 for x in [3, 1, 2, 3]})
print({w: len(w) for w in ["one", "three", "five"]})
print({i: [j for j in range(i)] for i in range(4)})
print({(i, j): i * j for i in range(2) for j in range(2)})
print({c: "aeiou".count(c) for c in "aeiou" if c > "c"})
counts = {}
text = "abracadabra"
print({c: text.count(c) for c in text})
print({k: v for k, v in sorted({"b": 2, "a": 1}.items())})
print({n for n in range(10) if n % 3 == 1})
print(sorted({s.lower() for s in ["A", "b", "a", "B"]}))
print({x: (y := x * 2) for x in range(3)}, y)
nested = {"x": {"a": 1, "b": 2}, "y": {"a": 3}}
print({outer: sum(inner.values()) for outer, inner in nested.items()})
print({k: v for k, v in [("dup", 1), ("dup", 2)]})
print(len({x for x in "mississippi"}))
print({i: chr(65 + i) for i in range(5) if i != 2})
