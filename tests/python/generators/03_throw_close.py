# throw() and close(): handling, GeneratorExit, ignoring GeneratorExit.
def resilient():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("handled", e)
g = resilient()
print(next(g))
print(g.throw(ValueError("bad value")))
print(g.throw(ValueError("second")))
try:
    g.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
print(next(g, "closed after error"))
def cleanup():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit received")
        raise
    finally:
        print("cleanup finally")
c = cleanup()
print(next(c))
c.close()
c.close()
print(next(c, "closed"))
def never_started():
    print("body")
    yield
n = never_started()
n.close()
print("closed unstarted without running body")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refusing"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"
r = returns_on_exit()
next(r)
print(r.close())
def catch_and_return():
    try:
        yield 1
    except ValueError:
        return "returned from throw"
cr = catch_and_return()
next(cr)
try:
    cr.throw(ValueError)
except StopIteration as e:
    print("StopIteration", e.value)
def fresh():
    yield 1
f = fresh()
try:
    f.throw(IndexError("before start"))
except IndexError as e:
    print("thrown into unstarted:", e)
print(next(f, "dead"))
