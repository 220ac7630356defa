# Positional, default, keyword and keyword-only parameters.
def f(a, b=2, *, c=3, d):
    return (a, b, c, d)
print(f(1, d=4), f(1, 5, d=6), f(a=0, d=0, c=9), f(1, b=7, d=8))
def g(x, y=[], z=None):
    return x, y, z
print(g(1), g(1, z=3), g(y=(), x=0))
def pos_only(a, b, /, c):
    return a + b + c
print(pos_only(1, 2, 3), pos_only(1, 2, c=3))
def attempt(label, fn):
    try:
        print(label, fn())
    except TypeError as e:
        print(label, "TypeError:", e)
attempt("missing d", lambda: f(1))
attempt("missing a", lambda: f(d=1))
attempt("too many", lambda: f(1, 2, 3, d=4))
attempt("unexpected", lambda: f(1, d=1, e=5))
attempt("duplicate", lambda: f(1, a=2, d=3))
attempt("pos only as kw", lambda: pos_only(1, b=2, c=3))
def two(a, b):
    return a * b
attempt("two(1)", lambda: two(1))
attempt("two()", lambda: two())
attempt("two(1,2,3)", lambda: two(1, 2, 3))
def none():
    return 0
attempt("none(1)", lambda: none(1))
def three(a, b, c):
    pass
attempt("three(1)", lambda: three(1))
def kwonly(*, k):
    return k
attempt("kwonly(1)", lambda: kwonly(1))
attempt("kwonly()", lambda: kwonly())
def opt(a, b=1):
    return a
attempt("opt(1,2,3)", lambda: opt(1, 2, 3))
print(f.__name__, f.__defaults__, f.__kwdefaults__)
