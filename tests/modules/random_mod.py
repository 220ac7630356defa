import random

random.seed(42)
print(random.random(), random.random())
print([random.randint(1, 10) for _ in range(10)])
print(random.choice("abcdef"), random.choice([10, 20, 30]), random.choice((1, 2)))
x = list(range(10))
random.shuffle(x)
print(x)
print(random.uniform(1, 5), random.uniform(2.5, -1.0))
print(random.randrange(10), random.randrange(5, 50), random.randrange(0, 100, 7), random.randrange(10, 0, -3))
print(random.sample(range(100), 5), random.sample("hello world", 3))
print(random.choices("abc", k=5))
print(random.choices([1, 2, 3], weights=[10, 1, 1], k=6))
print(random.choices([1, 2, 3], cum_weights=[1, 2, 10], k=6))
print(random.gauss(0, 1), random.gauss(10, 2), random.normalvariate(0, 1))
print(random.expovariate(1.5), random.triangular(0, 10), random.triangular(0, 10, 2))
print(random.getrandbits(1), random.getrandbits(8), random.getrandbits(32), random.getrandbits(63))
print(random.betavariate(2, 3), random.gammavariate(2.0, 1.5), random.lognormvariate(0, 1))
print(random.paretovariate(3), random.weibullvariate(1, 2), random.vonmisesvariate(1, 4))
print(random.randbytes(5))
print(random.sample(["a", "b", "c"], k=4, counts=[1, 2, 3]) if False else random.sample(["a", "b", "c"], k=5, counts=[1, 2, 3]))

for seed in [0, 1, -7, 2**40, "hello", b"bytes", "", 3.5, True]:
    random.seed(seed)
    print(repr(seed), random.random(), random.randint(0, 1000))

state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
b = [random.random() for _ in range(3)]
print(a == b, len(state), state[0], len(state[1]))

r = random.Random(123)
r2 = random.Random(123)
print(r.random() == r2.random(), r.randint(1, 6), r2.randint(1, 6))
print(r.choice([1, 2, 3]), r.sample(range(10), 3))
r3 = random.Random("abc")
print(r3.random())
random.seed(5)
print(random.random() == random.Random(5).random())

class MyRandom(random.Random):
    def seed(self, a=None):
        print("seeding with", a)
        super().seed(a)

m = MyRandom(99)
print(m.random(), isinstance(m, random.Random))

random.seed(2024)
big = list(range(50))
random.shuffle(big)
print(big)
print(random.sample(range(10000), 10))
print([random.randrange(1000000) for _ in range(5)])

for bad in [
    lambda: random.choice([]),
    lambda: random.randrange(0),
    lambda: random.randrange(5, 5),
    lambda: random.randrange(1, 10, 0),
    lambda: random.randint(5, 1),
    lambda: random.sample([1, 2], 3),
    lambda: random.sample({1, 2}, 1),
    lambda: random.randrange(1.5),
    lambda: random.choices([1, 2], weights=[1], k=2),
    lambda: random.choices([1, 2], [1, 1], cum_weights=[1, 2]),
    lambda: random.getrandbits(-1),
]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
