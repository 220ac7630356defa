# Walrus inside comprehensions binds in the enclosing scope; deep nesting.
data = [5, 12, 7, 30, 2]
big = [v for x in data if (v := x * 3) > 20]
print(big, v)
running = 0
print([running := running + x for x in range(5)], running)
def first_long(words):
    if any(len(hit := w) > 4 for w in words):
        return hit
    return None
print(first_long(["hi", "there", "longer"]), first_long(["a"]))
cube = [[[i * 100 + j * 10 + k for k in range(2)] for j in range(2)] for i in range(2)]
print(cube)
print([k for plane in cube for row in plane for k in row if k % 10 == 1])
table = {r: {c: r * c for c in range(1, 4)} for r in range(1, 3)}
print(table)
print([(a, b, c) for a in range(1, 15) for b in range(a, 15) for c in range(b, 15) if a * a + b * b == c * c])
print(sorted({frozenset({a, b}) for a in range(3) for b in range(3) if a != b}, key=sorted))
print(max(((x, -x) for x in range(4)), key=lambda p: p[1]))
primes = [n for n in range(2, 40) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
print({p: [q for q in primes if q < p][-1:] for p in primes[:5]})
