# itertools: count, cycle, repeat, chain, islice, product, permutations, combinations, groupby, accumulate.
import itertools
print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.islice(itertools.count(), 3)))
print(list(itertools.islice(itertools.cycle("ab"), 5)), list(itertools.repeat("x", 3)))
print(list(itertools.chain([1, 2], "ab", (3,))), list(itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.islice(range(10), 2, 8, 2)), list(itertools.islice("abcdef", 3)))
print(list(itertools.product("ab", [1, 2])), len(list(itertools.product(range(3), repeat=2))))
print(list(itertools.permutations([1, 2, 3], 2)))
print(list(itertools.combinations("abcd", 2)), list(itertools.combinations_with_replacement("ab", 2)))
for key, group in itertools.groupby("aaabbcaa"):
    print(key, list(group))
data = [("a", 1), ("a", 2), ("b", 3)]
print([(k, [v for _, v in g]) for k, g in itertools.groupby(data, key=lambda p: p[0])])
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 4], max)), list(itertools.accumulate([1, 2, 3], initial=100)))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.compress("abcd", [1, 0, 1, 0])))
print(list(itertools.zip_longest("ab", [1, 2, 3], fillvalue="-")), list(itertools.filterfalse(lambda x: x % 2, range(6))))
a, b = itertools.tee([1, 2, 3])
print(list(a), list(b))
print(list(itertools.pairwise("abcd")))
counter = itertools.count()
print(next(counter), next(counter), next(counter))
print(sum(1 for _ in itertools.combinations(range(10), 3)))
