# Closures capture variables, not values: late binding and the usual fixes.
fns = []
for i in range(3):
    fns.append(lambda: i)
print([f() for f in fns])
fns = []
for i in range(3):
    fns.append(lambda i=i: i)
print([f() for f in fns])
def make(i):
    return lambda: i
print([make(i)() for i in range(3)])
def shared():
    value = "before"
    def read():
        return value
    value = "after"
    return read
print(shared()())
def loop_closures():
    out = []
    for name in ["a", "b"]:
        def show():
            return name
        out.append(show)
    name = "changed"
    return [f() for f in out]
print(loop_closures())
x = "global x"
def read_global():
    return x
x = "rebound global"
print(read_global())
def cell_after_delete():
    v = 1
    def get():
        return v
    del v
    try:
        return get()
    except NameError as e:
        return "NameError: " + str(e)
print(cell_after_delete())
adders = {n: (lambda n: lambda x: x + n)(n) for n in (1, 10)}
print(adders[1](5), adders[10](5))
