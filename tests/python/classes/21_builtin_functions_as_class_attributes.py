# A built-in function stored on a class is no descriptor: `A().f` is the function itself,
# called without the instance (CPython's builtin_function_or_method does not bind).
class A:
    f = len
    g = print
    h = max
    n = next
    s = sorted
a = A()
print(a.f("xyz"), a.h(1, 5), a.n(iter([7])), a.s([3, 1]))
a.g("printed", "ok")
print(A.f is len, a.f is len, len.__module__, repr(a.f))
try:
    len(1, 2)
except TypeError as e:
    print(e)
try:
    a.f()
except TypeError as e:
    print(e)
