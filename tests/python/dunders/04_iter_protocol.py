# __iter__/__next__ iterators, iterables that are not iterators, StopIteration.
class CountDown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
cd = CountDown(3)
print(list(cd), list(cd))
print([x for x in CountDown(4)], sum(CountDown(5)), max(CountDown(3)))
it = CountDown(2)
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
r = Range2(3)
print(list(r), list(r), 2 in r, list(zip(r, r)))
a, b, c = Range2(3)
print(a, b, c)
print(dict(zip(Range2(3), "xyz")), sorted(Range2(4), reverse=True))
class NotIterable:
    pass
try:
    iter(NotIterable())
except TypeError as e:
    print("TypeError:", e)
try:
    for x in 5:
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
class BadIter:
    def __iter__(self):
        return 42
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
it = iter([10, 20])
print(iter(it) is it, next(it), list(it))
calls = iter(lambda: calls_list.pop(), "stop")
calls_list = ["stop", "b", "a"]
print(list(calls))
