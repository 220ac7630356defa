# repr/str/ascii of builtin values and containers of them.
vals = [0, -1, 2.0, -0.5, 1e-9, 1e21, True, None, "", "a'b", 'a"b', "\\", "\n", b"", b"\x01a", [], (), {}, set(), (1,), [None], {1: None}]
for v in vals:
    print(f"{type(v).__name__:>9} str={str(v)} repr={repr(v)} ascii={ascii(v)}")
print(repr(print), repr(len)[:22], repr(int), repr(str), repr(Exception), repr(ValueError("x")))
print(str(print), str(object)[:15], repr(type(None)))
print(repr(range(1, 5, 2)), repr(slice(None, 3)), repr(frozenset()), repr(frozenset({3})))
print(repr(float("inf")), repr(-float("inf")), repr(float("nan")))
print(repr(dict(a=1).keys()), repr({"a": 1}.values()), repr({"a": 1}.items()))
print(repr(NotImplemented), repr(Ellipsis), repr(...))
