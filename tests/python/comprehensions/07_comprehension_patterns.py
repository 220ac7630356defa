# Real-world comprehension patterns: transposition, grouping, flattening, dedup preserving order.
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]
print([[row[i] for row in matrix] for i in range(len(matrix[0]))])
print([sum(col) for col in zip(*matrix)], [max(row) for row in matrix])
print(list(dict.fromkeys([3, 1, 3, 2, 1, 4])))
words = ["apple", "bob", "kayak", "level", "python", "noon"]
print({len(w): [x for x in words if len(x) == len(w)] for w in words})
print([w for w in words if w == w[::-1]], sum(len(w) for w in words))
nested = [[1, [2, 3]], [4], [[5, 6], 7]]
def flat(x):
    return [y for item in x for y in (flat(item) if isinstance(item, list) else [item])]
print(flat(nested))
print([(i, j) for i in range(4) for j in range(4) if i < j and (i + j) % 2])
print({k: v for k, v in zip("abcdef", range(6)) if v % 2 == 0})
scores = {"ann": [90, 80], "bob": [70, 75, 80], "cy": []}
print({name: (sum(s) / len(s) if s else None) for name, s in scores.items()})
print([f"{name}:{max(s, default=0)}" for name, s in sorted(scores.items())])
print(sorted({c for w in words for c in w if c in "aeiou"}))
print(list(zip(*[(n, n * n, n ** 3) for n in range(1, 5)])))
