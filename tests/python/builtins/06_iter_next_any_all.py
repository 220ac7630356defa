# iter, next with default, any, all, and iterator exhaustion.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))
s = iter("ab")
print(list(s), list(s))
d = iter({"k1": 1, "k2": 2})
print(next(d), list(d))
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]))
print(any(x > 2 for x in [1, 2, 3]), all(isinstance(x, int) for x in [1, True]))
calls = []
def check(x):
    calls.append(x)
    return x > 1
print(any(check(x) for x in [0, 1, 2, 3]), calls)
calls.clear()
print(all(check(x) for x in [5, 0, 7]), calls)
sentinel_iter = iter([3, 2, 1, 0, 5].pop, 0)
print(list(sentinel_iter))
r = iter(range(3))
print(type(r).__name__, next(r), list(r))
e = iter([])
print(next(e, "empty"), next(iter(()), 42))
nums = iter(range(10))
first_big = next((n for n in nums if n > 4), None)
print(first_big, next(nums), list(nums))
print(next(iter([None]), "not used"))
