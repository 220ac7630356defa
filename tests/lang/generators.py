# Generators: send/throw/close, yield from, return values, PEP 479, expressions.
def gen():
    try:
        x = yield 1
        print("received", x)
        y = yield x * 2
        print("received", y)
    except KeyError as e:
        print("caught thrown", repr(e))
        yield "after throw"
    finally:
        print("gen finally")
g = gen()
print(next(g), g.send(21))
print(g.throw(KeyError("k")))
g.close()
print("closed; next gives:", next(g, "default"))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def inner():
    v = yield "i1"
    print("inner got", v)
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got", r)
    r2 = yield from [10, 20]
    print("list yield from gives", r2)
    return "outer-result"
o = outer()
print(next(o), o.send("hello"), next(o))
try:
    next(o)
except StopIteration as e:
    print("outer returned", e.value)
def counter():
    i = 0
    while True:
        got = yield i
        if got is not None:
            i = got
        else:
            i += 1
c = counter()
print([next(c), next(c), c.send(10), next(c)])
print(c.gi_running, type(c).__name__, repr(c).startswith("<generator object counter at 0x"))
def running_check():
    yield gr.gi_running
gr = running_check()
print(next(gr))
def reenter():
    yield next(me)
me = reenter()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
try:
    gen().send(5)
except TypeError as e:
    print("TypeError:", e)
g2 = gen()
try:
    g2.throw(ValueError("at start"))
except ValueError as e:
    print("thrown at start:", e)
print(sum(x * x for x in range(10)), list(x for x in "ab"), max((len(w), w) for w in ["aa", "b"]))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 10)))
def leak():
    yield 1
    raise StopIteration("inside")
try:
    list(leak())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def deleg_chain(n):
    if n == 0:
        x = yield "bottom"
        return x
    r = yield from deleg_chain(n - 1)
    return r + 1
dc = deleg_chain(5)
print(next(dc))
try:
    dc.send(100)
except StopIteration as e:
    print("chain result", e.value)
def throw_target():
    try:
        yield 1
    except ValueError:
        print("deep caught")
        yield "recovered"
def middle():
    yield from throw_target()
m = middle()
next(m)
print(m.throw(ValueError))
print(m.throw(ValueError, ValueError("legacy"), None) if False else "skip legacy")
def closer():
    try:
        yield
    finally:
        print("closer finally")
def closer_outer():
    try:
        yield from closer()
    finally:
        print("outer finally")
co = closer_outer()
next(co)
co.close()
print("gen close done")
def g_ret():
    return 7
    yield
print(list(g_ret()))
gg = g_ret()
try:
    next(gg)
except StopIteration as e:
    print("value", e.value, e.args)
