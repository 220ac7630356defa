def f(v):
    match v:
        case [a, b]:
            print(sorted(locals()))
f([1, 2])
match 5:
    case n:
        print(sorted(k for k in globals() if not k.startswith('__')))
        print([k for k in dir() if not k.startswith('__')])
class C:
    match 3:
        case int(v) if v > 2:
            big = True
        case _:
            big = False
print(sorted(k for k in vars(C) if not k.startswith('__')), C.big, C.v)
match [1, [2, 3]]:
    case [a, [b, *c]]:
        print(a, b, c)
print(sorted(k for k in globals() if not k.startswith('__')))
exec("match 1:\n    case x:\n        print('exec', x)\n")
g = {}
exec("match (1, 2):\n    case (p, q):\n        pass\n", g)
print(sorted(k for k in g if not k.startswith('__')))
def f():
    match {"k": 1}:
        case {"k": val}:
            return val
print(f(), f.__code__.co_varnames, f.__code__.co_nlocals)
