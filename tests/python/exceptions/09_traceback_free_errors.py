# Errors from builtins and operators caught and printed with type and message only.
import math
checks = [
    ("list.pop", lambda: [].pop()),
    ("dict.popitem", lambda: {}.popitem()),
    ("str.index", lambda: "abc".index("z")),
    ("tuple.index", lambda: (1,).index(2)),
    ("int()", lambda: int("1e5")),
    ("float()", lambda: float("1,5")),
    ("math.sqrt", lambda: math.sqrt(-4)),
    ("unpack", lambda: [a for a, b in [(1, 2, 3)]]),
    ("next", lambda: next(iter(()))),
    ("getattr", lambda: getattr([], "push")),
    ("call", lambda: (lambda x: x)()),
    ("kw", lambda: (lambda x: x)(y=1)),
    ("bool op", lambda: not_defined_anywhere or 1),
    ("compare", lambda: sorted([(1, "a"), (1, 2)])),
    ("neg idx", lambda: [1, 2][-3]),
    ("str mul", lambda: "ab" * "2"),
    ("set add", lambda: {1}.add([])),
    ("frozenset", lambda: frozenset([1]).add(2)),
    ("str assign", lambda: "abc".__setitem__(0, "x")),
    ("tuple del", lambda: (1, 2).__delitem__(0)),
    ("range idx", lambda: range(3)[5]),
    ("bytes", lambda: b"a" + "b"),
    ("int base", lambda: int(5, 2)),
    ("dict key", lambda: {"a": 1}["A"]),
    ("mod str", lambda: "%d %d" % (1,)),
]
for label, fn in checks:
    try:
        fn()
        print(label, "no error")
    except Exception as e:
        print(f"{label:>10}: {type(e).__name__}: {e}")
