import inspect
def gen():
    print("  state inside:", inspect.getgeneratorstate(g), g.gi_running)
    x = yield 1
    print("  got", x)
    try:
        yield 2
    finally:
        print("  cleanup")
    return "done"

g = gen()
print(inspect.getgeneratorstate(g), g.gi_running, g.gi_suspended, g.gi_frame is not None)
print(next(g))
print(inspect.getgeneratorstate(g), g.gi_suspended, g.gi_frame.f_lineno)
print(g.send("hi"))
g.close()
print(inspect.getgeneratorstate(g), g.gi_frame)
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)

def counter():
    try:
        n = 0
        while True:
            cmd = yield n
            if cmd == "reset":
                n = 0
            else:
                n += 1
    except GeneratorExit:
        print("  exit requested")
        raise
c = counter()
print(c.send(None), c.send(1), c.send("reset"), c.send(None))
c.close()
c.close()

def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad(); next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def sub():
    x = yield "a"
    y = yield "b"
    return x + y
def outer():
    r = yield from sub()
    print("  sub returned", r)
    r2 = yield from [10, 20]
    print("  list returned", r2)
    return r
o = outer()
print(next(o), o.send(1), o.send(2), next(o))
try:
    next(o)
except StopIteration as e:
    print("outer value", e.value)
try:
    gen().send(5)
except TypeError as e:
    print("TypeError:", e)
g2 = gen()
next(g2)
try:
    g2.throw(ValueError("x"))
except ValueError as e:
    print("ValueError", e, inspect.getgeneratorstate(g2))
def running():
    yield r.gi_running
r = running()
print(next(r))
def reentrant():
    yield next(rr)
rr = reentrant()
try:
    next(rr)
except ValueError as e:
    print("ValueError:", e)
ge = (x * x for x in range(3))
print(type(ge).__name__, ge.__name__, list(ge), list(ge))
print(repr(gen)[:13], gen.__name__, gen().__qualname__)
def pe():
    raise StopIteration(5)
    yield
try:
    next(pe())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
