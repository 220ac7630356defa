# list.index and tuple.index honour start and stop (negative ones count from the end, both
# clamp); wrong argument counts of str, list, dict and set methods read as CPython's do.
for args in [(1, 1), (1, -1), (1, 0, 2), (2, 2), (1, 5), (1, -10, 10), (1, True), (3, 1, -1)]:
    for seq in ([1, 2, 1, 3], (1, 2, 1, 3)):
        try:
            print(type(seq).__name__, args, seq.index(*args))
        except ValueError as e:
            print(type(seq).__name__, args, "ValueError:", e)
for bad in ("a", 1.5, None):
    for seq in ([1, 2], (1, 2)):
        try:
            seq.index(1, bad)
        except TypeError as e:
            print(type(seq).__name__, repr(bad), "TypeError:", e)


class At:
    def __index__(self):
        return 2


print([1, 2, 1].index(1, At()), (1, 2, 1).index(1, At()))

calls = [
    ("[3, 1].sort(1)", lambda: [3, 1].sort(1)),
    ("[1].count()", lambda: [1].count()),
    ("[1].remove()", lambda: [1].remove()),
    ("[1].reverse(1)", lambda: [1].reverse(1)),
    ("[1].copy(1)", lambda: [1].copy(1)),
    ("[1].clear(1)", lambda: [1].clear(1)),
    ("[].index()", lambda: [].index()),
    ("{}.popitem(1)", lambda: {}.popitem(1)),
    ("{}.update(1, 2)", lambda: {}.update(1, 2)),
    ("{}.clear(1)", lambda: {}.clear(1)),
    ("{}.copy(1)", lambda: {}.copy(1)),
    ("'a'.split(1, 2, 3)", lambda: "a".split(1, 2, 3)),
    ("'a'.rsplit(1, 2, 3)", lambda: "a".rsplit(1, 2, 3)),
    ("'a'.strip(1, 2)", lambda: "a".strip(1, 2)),
    ("'a'.lstrip(1, 2)", lambda: "a".lstrip(1, 2)),
    ("'a'.find()", lambda: "a".find()),
    ("'a'.find(1)", lambda: "a".find(1)),
    ("'a'.rfind('a', 0, 1, 2)", lambda: "a".rfind("a", 0, 1, 2)),
    ("'a'.index()", lambda: "a".index()),
    ("'a'.rindex()", lambda: "a".rindex()),
    ("'a'.count()", lambda: "a".count()),
    ("'a'.count('a', 0, 1, 2)", lambda: "a".count("a", 0, 1, 2)),
    ("'a'.encode(1, 2, 3)", lambda: "a".encode(1, 2, 3)),
    ("set().pop(1)", lambda: set().pop(1)),
    ("set().copy(1)", lambda: set().copy(1)),
    ("frozenset().copy(1)", lambda: frozenset().copy(1)),
    ("(1,).count()", lambda: (1,).count()),
    ("sorted()", lambda: sorted()),
    ("sorted(1, 2)", lambda: sorted(1, 2)),
]
for text, call in calls:
    try:
        result = call()
    except (TypeError, KeyError, ValueError) as e:
        print(f"{text:24} {type(e).__name__}: {e}")
    else:
        print(f"{text:24} -> {result!r}")
