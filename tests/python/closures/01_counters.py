# Closures that keep state with nonlocal; independent instances.
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc1, get1 = make_counter()
inc2, get2 = make_counter(100)
print(inc1(), inc1(), inc1(5), get1())
print(inc2(), get2(), get1())
def accumulator():
    items = []
    def add(x):
        items.append(x)
        return list(items)
    return add
acc = accumulator()
print(acc(1), acc(2), acc("three"))
def make_averager():
    total = 0
    n = 0
    def avg(x):
        nonlocal total, n
        total += x
        n += 1
        return total / n
    return avg
avg = make_averager()
print(avg(10), avg(20), avg(60))
def fib_gen():
    a, b = 0, 1
    def nxt():
        nonlocal a, b
        out = a
        a, b = b, a + b
        return out
    return nxt
nxt = fib_gen()
print([nxt() for _ in range(10)])
def outer():
    x = 1
    def middle():
        def inner():
            nonlocal x
            x += 10
            return x
        return inner
    f = middle()
    f()
    f()
    return x
print(outer())
