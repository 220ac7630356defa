# Driving async def coroutines by hand with send(None) and StopIteration.value.
async def add(a, b):
    return a + b
coro = add(2, 3)
print(type(coro).__name__)
try:
    coro.send(None)
except StopIteration as e:
    print("result:", e.value)
async def nested():
    x = await add(1, 1)
    y = await add(x, 10)
    return x * y
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
print(run(nested()))
async def raises():
    raise ValueError("inside coroutine")
try:
    run(raises())
except ValueError as e:
    print("ValueError:", e)
c = add(1, 2)
run(c)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
async def no_return():
    pass
print(run(no_return()))
c2 = add(1, 1)
c2.close()
print("closed unstarted coroutine")
async def chain(n):
    if n == 0:
        return "bottom"
    return f"{n}>" + await chain(n - 1)
print(run(chain(4)))
async def uses_loop():
    total = 0
    for i in range(4):
        total += await add(i, i)
    return total
print(run(uses_loop()))
c3 = add(1, 2)
try:
    c3.send(5)
except TypeError as e:
    print("TypeError:", e)
c3.close()
