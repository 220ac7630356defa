# Generator expressions: early binding of the first iterable, nesting, sending is not possible.
data = [1, 2, 3]
gen = (x * 10 for x in data)
data = [100]
print(list(gen))
items = [1, 2, 3]
gen = (x for x in items)
items.append(4)
print(list(gen))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
try:
    bad = (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)
lazy_error = (1 / x for x in [1, 0])
print(next(lazy_error))
try:
    next(lazy_error)
except ZeroDivisionError as e:
    print("ZeroDivisionError on second next:", e)
g = (x for x in range(3))
print(g.send(None), next(g))
try:
    g.throw(ValueError("into genexpr"))
except ValueError as e:
    print("ValueError:", e)
print(list(g))
g2 = (x for x in range(3))
g2.close()
print(list(g2))
print(sum(x for x in range(5) if x % 2), "".join(c for c in "a1b2" if c.isalpha()))
print(max((len(w), w) for w in "the quick brown fox".split()))
pairs = ((a, b) for a in "ab" for b in "12")
print(dict(pairs))
