def f(v):
    x = y = rest = k = "unset"
    match v:
        case (x, 0):
            print("first", x)
        case [0, y] | [y, 1]:
            print("second", y)
        case {"a": k, **rest} if k > 5:
            print("map", k, rest)
        case {"b": 1, "c": k}:
            print("map2", k)
        case _:
            print("none")
    print(x, y, rest, k)

for v in [(1, 0), (1, 2), [0, 3], [4, 1], {"a": 1, "z": 2}, {"a": 9}, {"b": 1, "c": 5}, {"b": 2, "c": 5}, "s"]:
    f(v)

match (1, 2):
    case (a, 3):
        pass
    case (q, r) as both:
        print(q, r, both)
print("a" in globals(), "q" in globals())
