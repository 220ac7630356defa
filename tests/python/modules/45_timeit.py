# timeit: the calls course scripts make (timings themselves vary, so only their shape prints).
import timeit

t = timeit.timeit("sum(range(100))", number=1000)
print(type(t).__name__, t >= 0)
r = timeit.repeat("x = [i * i for i in range(50)]", repeat=3, number=100)
print(len(r), all(v >= 0 for v in r))


def work(n=200):
    return sorted(range(n, 0, -1))


print(timeit.timeit(work, number=50) >= 0)
print(timeit.timeit("work(10)", globals=globals(), number=5) >= 0)
print(timeit.timeit("y = x + 1", setup="x = 41", number=10) >= 0)
timer = timeit.Timer("d[k]", setup="d = {'a': 1}; k = 'a'")
print(timer.timeit(number=100) >= 0, len(timer.repeat(repeat=2, number=10)))
print(timeit.default_timer is __import__("time").perf_counter, timeit.default_number, timeit.default_repeat)
for bad in (lambda: timeit.Timer(42), lambda: timeit.Timer("x", setup=3),
            lambda: timeit.Timer("return 1"), lambda: timeit.timeit("1/0", number=1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
