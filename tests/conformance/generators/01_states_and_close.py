# Generator states, close() and GeneratorExit, and what happens after exhaustion.
import inspect


def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("  GeneratorExit inside gen")
        raise
    finally:
        print("  finally inside gen")


g = gen()
print(inspect.getgeneratorstate(g))
print(next(g), inspect.getgeneratorstate(g))
g.close()
print(inspect.getgeneratorstate(g), g.gi_frame)
g.close()                      # closing again is a no-op
try:
    next(g)
except StopIteration:
    print("StopIteration after close")

fresh = gen()
fresh.close()                  # never started: the body never runs
print("fresh closed:", inspect.getgeneratorstate(fresh))


def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "no!"


bad = ignores_exit()
next(bad)
try:
    bad.close()
except RuntimeError as e:
    print("RuntimeError:", e)
