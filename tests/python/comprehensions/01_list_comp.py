# List comprehensions: filters, nesting, conditional expressions.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([x if x % 2 else -x for x in range(6)])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print([c.upper() for c in "hello" if c not in "l"])
print([len(w) for w in "the quick brown fox".split()])
print([i for i in []], [None for _ in range(2)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i, row in enumerate(matrix)])
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2])
print([(i, c) for i, c in enumerate("abc")])
print([a + b for a, b in zip([1, 2, 3], [10, 20, 30])])
print([k for k, v in {"a": 1, "b": 2, "c": 1}.items() if v == 1])
print([x for x in range(10)][::3])
print(sum([x for x in range(101)]), max([abs(x) for x in [-7, 3, 5]]))
words = ["apple", "Bob", "civic", "Deed", "eve"]
print([w for w in words if w.lower() == w.lower()[::-1]])
print([f"{n}:{n ** 2}" for n in range(1, 4)])
print([str(x) for x in [1.5, None, True]])
print([y for x in [[1, [2]], [3]] for y in x])
def f(n):
    return [i * n for i in range(3)]
print([f(n) for n in range(3)])
