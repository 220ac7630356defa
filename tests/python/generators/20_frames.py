# Frame objects: inspect.currentframe and f_back (the course's "how a function call works"),
# a generator's frame living on between next() calls (gi_frame.f_locals, f_lineno),
# sys._getframe, tracebacks' tb_frame/tb_lineno/tb_next.
import inspect
import sys
import types

frame = None


def foo():
    bar()


def bar():
    global frame
    frame = inspect.currentframe()


foo()
print(frame.f_code.co_name)
caller_frame = frame.f_back
print(caller_frame.f_code.co_name, caller_frame.f_back.f_code.co_name, caller_frame.f_back.f_back)


def gen_func():
    yield 1
    name = "bobby"
    yield 2
    age = 30
    return "imooc"


gen = gen_func()
print(gen.gi_frame.f_locals, gen.gi_frame.f_lineno)
next(gen)
print(gen.gi_frame.f_locals, gen.gi_frame.f_lineno)
next(gen)
print(gen.gi_frame.f_locals, gen.gi_frame.f_lineno)
try:
    next(gen)
except StopIteration as e:
    print("done", e.value, gen.gi_frame)
print(inspect.getgeneratorlocals(gen_func()), inspect.getgeneratorstate(gen))


def outer(x):
    y = x + 1

    def inner():
        return y

    f = sys._getframe()
    return sorted(f.f_locals), f.f_code.co_name, f.f_lineno, type(f) is types.FrameType, inspect.isframe(f)


print(outer(1))
print(sys._getframe(0).f_code.co_name, sys._getframe().f_globals is globals())
try:
    sys._getframe(50)
except ValueError as e:
    print(e)


def selfref():
    g = yield sys._getframe().f_lineno
    f = me.gi_frame
    yield f.f_lineno, f.f_back.f_code.co_name, sorted(f.f_locals), f.f_locals["g"]


me = selfref()
print(next(me), me.send(5))


async def co():
    pass


c = co()
print(c.cr_frame.f_code.co_name, c.cr_frame.f_lineno, c.cr_frame.f_back, inspect.getcoroutinelocals(c))
c.close()
print(c.cr_frame)


def fail(n):
    if n == 0:
        raise KeyError(n)
    fail(n - 1)


try:
    fail(2)
except KeyError as e:
    tb = e.__traceback__
    while tb is not None:
        print(tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_frame.f_lineno)
        tb = tb.tb_next
