# Return values: None by default, multiple values, early returns, return in loops/finally.
def nothing():
    pass
def bare():
    return
def multi():
    return 1, "two", [3]
print(nothing(), bare(), multi(), type(multi()).__name__)
a, b, c = multi()
print(a, b, c)
def early(x):
    if x < 0:
        return "negative"
    for i in range(10):
        if i == x:
            return f"found {i}"
    return "not in range"
print(early(-1), early(3), early(50))
def in_finally():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(in_finally())
def override():
    try:
        return "try"
    finally:
        return "finally wins"
print(override())
def loop_return():
    while True:
        return "out of while"
print(loop_return())
def nested_loops():
    for i in range(3):
        for j in range(3):
            if i * j == 2:
                return (i, j)
print(nested_loops())
def returns_function():
    def inner():
        return "inner result"
    return inner
print(returns_function()())
def side_effect(lst):
    lst.append(1)
result = side_effect([])
print(result)
print((lambda: None)(), [nothing() for _ in range(2)])
def gen_or_not(flag):
    if flag:
        return [1, 2]
print(gen_or_not(True), gen_or_not(False))
