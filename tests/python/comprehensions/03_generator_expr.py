# Generator expressions: laziness, exhaustion, passing to functions.
g = (x * 2 for x in range(4))
print(type(g).__name__)
print(next(g), next(g))
print(list(g))
print(list(g))
print(sum(x * x for x in range(10)), max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in [1, -1]), min((x for x in [4, 2, 8]), default=0))
print(", ".join(str(i) for i in range(5)))
print(sorted((x for x in [3, 1, 2]), reverse=True), tuple(c for c in "ab"))
log = []
def source():
    for i in range(3):
        log.append(f"produce {i}")
        yield i
gen = (v * 10 for v in source())
print(log)
print(next(gen), log)
print(list(gen), log)
squares = (n * n for n in range(1, 6))
evens = (s for s in squares if s % 2 == 0)
print(list(evens))
try:
    next(x for x in [])
except StopIteration:
    print("StopIteration from empty genexpr")
print(next((x for x in [] ), "default"))
it = iter([1, 2, 3, 4])
pairs = list(zip(it, it))
print(pairs)
print(dict((k, k * 2) for k in "ab"))
print(set(x % 2 for x in range(5)), frozenset(x for x in [1, 1]))
gen = (i for i in range(3))
for v in gen:
    print("loop", v)
print(list(gen))
print(sum(1 for _ in range(7)))
