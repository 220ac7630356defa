from greenlet import greenlet, GreenletExit
import greenlet as greenlet_mod

# The classic demo: 78 is never printed.
def test1():
    print(12)
    gr2.switch()
    print(34)

def test2():
    print(56)
    gr1.switch()
    print(78)

gr1 = greenlet(test1)
gr2 = greenlet(test2)
gr1.switch()
print("gr1 dead:", gr1.dead, "gr2 dead:", gr2.dead)

# Ping-pong: values travel through switch(value).
def producer():
    for i in range(4):
        print("produce", i)
        got = cons.switch(i)
        print("producer got back", got)
    cons.switch(None)
    return "producer done"

def consumer():
    total = 0
    item = prod.switch()
    while item is not None:
        total += item
        print("consume", item, "total", total)
        item = prod.switch("ack %d" % item)
    return total

prod = greenlet(producer)
cons = greenlet(consumer)
print("final:", cons.switch())
print(prod.dead, cons.dead)

# parent, getcurrent, main greenlet.
main = greenlet.getcurrent()
print(main is greenlet_mod.getcurrent())
print(main.parent is None, main.dead, bool(main))

def child():
    me = greenlet.getcurrent()
    print("in child, parent is main:", me.parent is main, me is g)
    x = main.switch("hello from child")
    print("child resumed with", x)
    return x * 2

g = greenlet(child)
print("dead before start:", g.dead, bool(g))
r = g.switch()
print("main got:", r)
print("dead mid:", g.dead, bool(g))
r = g.switch(21)
print("main got:", r, "dead:", g.dead, bool(g))

# switch() packing of arguments.
def echo(*args, **kwargs):
    print("started with", args, kwargs)
    while True:
        v = main.switch()
        print("echo got", repr(v))
        if v == "stop":
            return "echo done"

e = greenlet(echo)
print(repr(e.switch(1, 2, k=3)))
print(repr(e.switch()))
print(repr(e.switch(5)))
print(repr(e.switch(5, 6)))
print(repr(e.switch(a=1)))
print(repr(e.switch(7, b=2)))
print(repr(e.switch("stop")))

# Deep switch: switching from inside nested Python calls.
def deep(n):
    if n == 0:
        return main.switch("bottom")
    return deep(n - 1) + 1

d = greenlet(deep)
print(d.switch(5))
print(d.switch(100))

# Exceptions in run propagate into the parent.
def boom():
    raise ValueError("boom in greenlet")

b = greenlet(boom)
try:
    b.switch()
except ValueError as ex:
    print("caught:", ex, "dead:", b.dead)

def boom_later():
    main.switch("first")
    raise KeyError("later")

b2 = greenlet(boom_later)
print(b2.switch())
try:
    b2.switch()
except KeyError as ex:
    print("caught later:", repr(ex))

# Custom parent: returning goes to the parent, not the switcher.
def inner():
    print("inner runs")
    return "inner result"

def outer():
    i = greenlet(inner, parent=greenlet.getcurrent())
    v = i.switch()
    print("outer got", v)
    return "outer result"

print(greenlet(outer).switch())

# throw(): GreenletExit becomes the return value, other exceptions propagate.
def waiter():
    try:
        main.switch("waiting")
    except GreenletExit:
        print("waiter got GreenletExit")
        raise
    print("not reached")

w = greenlet(waiter)
print(w.switch())
res = w.throw()
print(type(res).__name__, w.dead)

def catcher():
    try:
        main.switch("ready")
    except RuntimeError as ex:
        print("catcher handled", ex)
        return "recovered"

c = greenlet(catcher)
print(c.switch())
print(c.throw(RuntimeError, "stop it"))

u = greenlet(lambda: print("never"))
try:
    u.throw(ValueError("unstarted"))
except ValueError as ex:
    print("unstarted throw:", ex, u.dead)

# Switching to a dead greenlet goes to its parent (here: ourselves).
print(repr(gr1.switch("to dead")))
print("end")
