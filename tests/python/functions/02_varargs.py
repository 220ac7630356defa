# *args and **kwargs, unpacking in calls and displays.
def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"
print(show())
print(show(1, 2, x=3))
print(show(*[1, 2], *(3,), **{"a": 1}, b=2))
def head_tail(first, *rest):
    return first, rest
print(head_tail(1), head_tail(1, 2, 3), head_tail(*"abc"))
def mixed(a, b=0, *args, key="k", **kw):
    return a, b, args, key, kw
print(mixed(1))
print(mixed(1, 2, 3, 4, key="K", extra=True))
print(mixed(*range(5), **{"key": None, "z": 1}))
def total(*nums):
    return sum(nums)
print(total(), total(1), total(*range(10)))
params = {"sep": "-", "end": "!\n"}
print("a", "b", **params)
print(*[1, 2], *[3], sep=",")
print([*range(3), *"ab", 9], (*[1, 2], 3), {*[1, 2], *[2, 3]})
print({**{"a": 1}, "b": 2, **{"a": 3}})
first, *middle, last = [*"hello"]
print(first, middle, last)
def kw_only_collector(**kw):
    return sorted(kw.items())
print(kw_only_collector(z=1, a=2, m=3))
try:
    show(**{1: "x"})
except TypeError as e:
    print("TypeError:", e)
try:
    show(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    show(**[1])
except TypeError as e:
    print("TypeError:", e)
def dup(**kw):
    return kw
try:
    dup(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
def apply(fn, *args, **kwargs):
    return fn(*args, **kwargs)
print(apply(max, 3, 9, 4), apply(sorted, [3, 1], reverse=True), apply(dict, a=1))
