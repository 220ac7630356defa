# del on names, items, slices and attributes; global and nonlocal.
x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = [0, 1, 2, 3, 4, 5]
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
lst = list(range(10))
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
class C:
    pass
c = C()
c.attr = 5
del c.attr
print(hasattr(c, "attr"))
a, b = 1, 2
del a, b
try:
    print(a)
except NameError as e:
    print("NameError:", e)

counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print("counter", counter)

def make():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add
add = make()
print(add(1), add(2), add(3))

def shadow():
    counter = 100
    return counter
print(shadow(), counter)

def reads_global():
    return counter * 2
print(reads_global())
