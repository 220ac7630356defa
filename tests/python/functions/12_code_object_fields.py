def f(a, b, *args, c=1, **kw):
    x = 1
    y = 2
    def g(): return x
    return g
c = f.__code__
print(c.co_varnames, c.co_argcount, c.co_name, c.co_filename.endswith('.py'), c.co_firstlineno)
print(c.co_kwonlyargcount, c.co_posonlyargcount)
def h(p, /, q):
    for i in range(2):
        pass
    z = [k for k in range(3)]
print(h.__code__.co_varnames, h.__code__.co_argcount, h.__code__.co_posonlyargcount)
print((lambda: 0).__code__.co_varnames, (lambda: 0).__code__.co_name)
print(c.co_cellvars, c.co_freevars)
g = f(1, 2)
print(g.__code__.co_varnames, g.__code__.co_freevars, g.__code__.co_name)
def k(a, b=2, *, c, d=4):
    e = a
    del e
    try:
        pass
    except Exception as exc:
        pass
    with open(__file__) as fh:
        pass
    global G
    G = 1
    import math
    from math import sqrt as s2
    return a
print(k.__code__.co_varnames, k.__code__.co_argcount, k.__code__.co_kwonlyargcount)
def cellarg(a, b):
    def inner(): return a
    return inner
print(cellarg.__code__.co_varnames, cellarg.__code__.co_cellvars)
class C:
    def m(self, x):
        return super().m(x)
print(C.m.__code__.co_varnames, C.m.__code__.co_freevars)
async def co(a):
    async for i in a: pass
    await a
print(co.__code__.co_varnames, co.__code__.co_firstlineno)
