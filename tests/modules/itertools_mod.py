import itertools
from itertools import (count, cycle, repeat, islice, chain, zip_longest, product, permutations,
                       combinations, combinations_with_replacement, accumulate, groupby, takewhile,
                       dropwhile, filterfalse, starmap, tee, pairwise, compress)
import operator

c = count()
print(next(c), next(c), next(c), c)
print(list(islice(count(5, 2), 4)), list(islice(count(0.5, 0.25), 3)), count(3, 0.5), count(1.5))
cy = cycle("ab")
print([next(cy) for _ in range(5)], list(cycle([])))
print(list(repeat("x", 3)), repeat(7), repeat(7, 2), list(repeat(1, -1)), list(zip(range(3), repeat(0))))
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 4)), list(islice("abcdefg", 2, None)),
      list(islice("abcdefg", 0, None, 2)), list(islice(range(10), 1, 8, 3)), list(islice([], 3)))

def noisy(n):
    for i in range(n):
        print("  produce", i)
        yield i
it = noisy(10)
print(list(islice(it, 2)))
print(next(it))
print(list(islice(noisy(5), 1, 3)))

print(list(chain([1, 2], (3,), "ab")), list(chain.from_iterable([[1], [2, 3], []])), list(chain()))
print(type(chain()).__name__, isinstance(chain(), chain))
print(list(zip_longest("abc", [1])), list(zip_longest("ab", "xyz", fillvalue="-")), list(zip_longest()))
print(list(product("ab", [1, 2])), list(product([0, 1], repeat=2)), list(product()), list(product("ab", [])))
print(list(permutations([1, 2, 3])), list(permutations("abc", 2)), list(permutations([1], 2)), list(permutations([], 0)))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations("ab", 3)), list(combinations("ab", 0)))
print(list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement([], 0)))
print(len(list(permutations(range(5)))), len(list(combinations(range(10), 4))))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], operator.mul)), list(accumulate([3, 1, 4], max)),
      list(accumulate([1, 2], initial=100)), list(accumulate([], initial=5)), list(accumulate(["a", "b", "c"])))
print([(k, list(g)) for k, g in groupby("aaabbcaa")])
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5, 7], key=lambda x: x % 2)])
groups = list(groupby("aabbc"))
print([(k, list(g)) for k, g in groups])
g = groupby("xxyz")
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, list(g2), next(g)[0])
print(list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(filterfalse(lambda x: x % 2, range(8))), list(filterfalse(None, [0, 1, "", "a", None])))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(starmap(lambda *a: sum(a), [[1, 2, 3], []])))
a, b = tee([1, 2, 3])
print(next(a), list(a), list(b))
x, y, z = tee(noisy(2), 3)
print(list(x), list(y), list(z), tee([1], 0))
print(list(pairwise("abcd")), list(pairwise([1])), list(pairwise([])))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(compress("abc", [1])))
print(sum(1 for _ in islice(count(), 1000)), next(dropwhile(lambda v: v < 100, count())))
evens = filter(lambda v: v % 2 == 0, count(1))
print(list(islice(evens, 5)), list(islice(cycle(range(3)), 7)))
for bad in [lambda: islice([], -1), lambda: islice([], 1, 2, 0), lambda: list(permutations([1], -1)),
            lambda: combinations("a"), lambda: count("a"), lambda: product([1], repeat=-1),
            lambda: islice([], "a")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
