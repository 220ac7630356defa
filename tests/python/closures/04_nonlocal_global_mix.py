# nonlocal vs global vs local in nested functions.
level = "module"
def a():
    level = "a"
    def b():
        global level
        level = "set by b"
    def c():
        nonlocal level
        level = "set by c"
    b()
    print("in a after b:", level)
    c()
    print("in a after c:", level)
a()
print("module:", level)
def counter_pair():
    n = 0
    def up():
        nonlocal n
        n += 1
    def down():
        nonlocal n
        n -= 1
    def value():
        return n
    return up, down, value
up, down, value = counter_pair()
up(); up(); up(); down()
print(value())
def three_levels():
    x = 0
    def l1():
        def l2():
            nonlocal x
            x += 1
        l2()
        l2()
    l1()
    return x
print(three_levels())
total = 0
def add_to_total(values):
    global total
    for v in values:
        total += v
add_to_total([1, 2, 3])
add_to_total(range(4))
print(total)
def shadows():
    total = "local"
    def inner():
        return total
    return inner()
print(shadows(), total)
def params_are_local(total):
    total += 1
    return total
print(params_are_local(10), total)
