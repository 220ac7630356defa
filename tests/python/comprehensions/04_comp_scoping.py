# Comprehension scoping: the loop variable does not leak; class scope subtleties.
x = "outer"
squares = [x * 2 for x in range(3)]
print(x, squares)
y = 10
print([y + i for i in range(3)])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
def make():
    n = 5
    return [n * k for k in range(3)]
print(make())
class C:
    factor = 3
    items = [1, 2]
    doubled = [i * 2 for i in items]
print(C.doubled)
class D:
    n = 4
    try:
        vals = [n * i for i in range(2)]
    except NameError as e:
        vals = "NameError: " + str(e)
print(D.vals)
total = 0
for v in [i for i in range(4)]:
    total += v
print(total)
print([[j for j in range(i)] for i in range(4)])
i = "untouched"
_ = [i for i in range(2)]
print(i)
g = (z for z in range(2))
print(list(g))
try:
    print(z)
except NameError as e:
    print("NameError:", e)
print([w for w in (w.strip() for w in [" a ", "b "]) if w])
