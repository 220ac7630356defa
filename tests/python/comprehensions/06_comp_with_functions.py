# Comprehensions calling functions, methods, and using conditionals on both sides.
def is_prime(n):
    return n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1))
print([n for n in range(30) if is_prime(n)])
print({n: is_prime(n) for n in range(8)})
words = ["Apple", "banana", "Cherry", "date", "Elderberry"]
print([w.lower() for w in words if w[0].isupper()])
print([w if len(w) < 6 else w[:5] + "." for w in words])
print({w[0].lower(): w for w in words})
print(sorted({len(w) for w in words}))
print([(w, i) for i, w in enumerate(words) if i % 2 == 0])
print([sum(row) for row in [[1, 2], [3, 4, 5], []]])
print([max(pair) for pair in zip([1, 5, 3], [4, 2, 6])])
print(["fizzbuzz" if i % 15 == 0 else "fizz" if i % 3 == 0 else "buzz" if i % 5 == 0 else str(i) for i in range(1, 16)])
print([[c for c in w if c in "aeiou"] for w in words[:3]])
print(dict(sorted({w: len(w) for w in words}.items(), key=lambda kv: kv[1])))
print([x for x in map(lambda v: v * 3, range(5)) if x % 2 == 0])
print(list(filter(None, [x % 3 for x in range(7)])))
print(["".join(sorted(w.lower())) for w in ["listen", "silent", "enlist"]])
