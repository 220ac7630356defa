# send(): values into a running generator, priming, running averages.
def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
a = averager()
print(next(a))
print(a.send(10), a.send(20), a.send(60))
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received
e = echo()
print(e.send(None), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as stop:
    print("returned", stop.value)
g = averager()
try:
    g.send(5)
except TypeError as err:
    print("TypeError:", err)
def accumulate():
    total = 0
    while True:
        delta = yield total
        if delta is not None:
            total += delta
acc = accumulate()
next(acc)
for d in [1, 2, 3]:
    print("total", acc.send(d))
print(next(acc))
def two_way():
    x = yield "first"
    y = yield f"got {x}"
    return f"finished with {y}"
t = two_way()
print(next(t), t.send(1))
try:
    t.send(2)
except StopIteration as s:
    print(s.value)
try:
    t.send(3)
except StopIteration as s:
    print("again:", s.value)
