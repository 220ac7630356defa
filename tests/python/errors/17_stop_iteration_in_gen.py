# PEP 479: StopIteration inside a generator becomes RuntimeError (chained).
def firsts(iterables):
    for it in iterables:
        yield next(iter(it))

print(list(firsts([[1], [2], []])))
