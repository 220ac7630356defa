# traceback, inspect and gc as scripts use them, plus compile() with its SyntaxError details.
import gc
import inspect
import sys
import traceback


def boom(n):
    return 10 // n


def gen():
    yield 1


async def coro():
    return 1


try:
    boom(0)
except ZeroDivisionError:
    text = traceback.format_exc()
    print(text.splitlines()[0], "|", text.splitlines()[-1])
    chunks = traceback.format_exception(*sys.exc_info())
    print(len(chunks) >= 3, chunks[0], end="")
    print("".join(traceback.format_exception_only(ZeroDivisionError("x"))), end="")

g = gen()
print(inspect.getgeneratorstate(g), next(g), inspect.getgeneratorstate(g))
g.close()
print(inspect.getgeneratorstate(g))
c = coro()
print(inspect.getcoroutinestate(c), inspect.iscoroutine(c), inspect.isawaitable(c))
c.close()
print(inspect.iscoroutinefunction(coro), inspect.isgeneratorfunction(gen),
      inspect.isgeneratorfunction(coro), inspect.isfunction(boom), inspect.isclass(int))
print(gc.isenabled(), isinstance(gc.collect(), int))

for src in ["x = (1,\n", "def f():\n  x\n    y\n", "return 5\n", "print('ok')\n"]:
    try:
        code = compile(src, "case.py", "exec")
        exec(code)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.filename, e.lineno, e.offset, repr(e.text))
        print("  str:", e)
