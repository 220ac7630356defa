# Seeded random driving simple simulations (dice, random walk, shuffling, sampling).
import random
random.seed(2024)
rolls = [random.randint(1, 6) for _ in range(20)]
print(rolls, sum(rolls))
counts = {face: rolls.count(face) for face in range(1, 7)}
print(counts)
pos = 0
path = [pos]
for _ in range(15):
    pos += random.choice((-1, 1))
    path.append(pos)
print(path, min(path), max(path))
names = ["ann", "bob", "cy", "di", "ed"]
random.shuffle(names)
print(names)
print(random.sample(names, 3), random.choice(names))
print([round(random.random(), 6) for _ in range(3)])
print([random.randrange(0, 100, 7) for _ in range(5)])
print(round(random.uniform(-1, 1), 9), random.getrandbits(8), random.randint(10, 10))
rng = random.Random("seed-string")
print(rng.randint(1, 1000), rng.sample(range(10), 4))
random.seed(7)
first = random.random()
random.seed(7)
print(first == random.random())
inside = 0
random.seed(1)
for _ in range(1000):
    x, y = random.random(), random.random()
    if x * x + y * y <= 1:
        inside += 1
print(inside, 4 * inside / 1000)
