# Exceptions inside generators: propagation to the caller, finally on exhaustion, try around yield.
def failing():
    yield 1
    raise ValueError("inside generator")
g = failing()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught", e)
print(next(g, "generator is finished after raising"))
def guarded():
    try:
        yield "a"
        yield "b"
    finally:
        print("guarded finally")
for v in guarded():
    print(v)
print("---")
held = guarded()
for v in held:
    print(v)
    break
print("after break, generator still suspended")
held.close()
print("after close")
def counter():
    n = 0
    try:
        while True:
            n += 1
            yield n
    except GeneratorExit:
        print("closing at", n)
        raise
c = counter()
print(next(c), next(c), next(c))
c.close()
def consumer():
    total = 0
    try:
        while True:
            total += yield
    except GeneratorExit:
        print("consumer total", total)
co = consumer()
next(co)
for v in [5, 10, 20]:
    co.send(v)
co.close()
def transform(source):
    for x in source:
        try:
            yield 10 / x
        except ZeroDivisionError:
            yield "div by zero"
print(list(transform([1, 0, 4])))
def bad_source():
    yield 1
    raise KeyError("source failed")
def wrapper():
    try:
        yield from bad_source()
    except KeyError as e:
        yield f"wrapper caught {e}"
print(list(wrapper()))
