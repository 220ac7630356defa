# Randomised differential checks: the script drives itself with `random` (which matches
# CPython bit for bit), so CPython and loopscope must print the same lines.
import random, heapq, itertools, functools, operator
from collections import deque, Counter, OrderedDict, defaultdict

random.seed(12345)

# heapq: random pushes/pops/pushpops/replaces on (priority, tag) pairs with many ties
for trial in range(30):
    h = []
    log = []
    for step in range(random.randint(1, 40)):
        op = random.random()
        item = (random.randint(0, 5), random.choice("abcdef"))
        if op < 0.5 or not h:
            heapq.heappush(h, item)
        elif op < 0.7:
            log.append(heapq.heappop(h))
        elif op < 0.85:
            log.append(heapq.heappushpop(h, item))
        else:
            log.append(heapq.heapreplace(h, item))
    data = [random.randint(0, 20) for _ in range(random.randint(0, 30))]
    heapq.heapify(data)
    n = random.randint(0, 8)
    keyed = [(random.randint(0, 3), i) for i in range(random.randint(0, 15))]
    print(trial, h, log, data, heapq.nsmallest(n, data), heapq.nlargest(n, data),
          heapq.nlargest(n, keyed, key=operator.itemgetter(0)), heapq.nsmallest(n, keyed, key=lambda t: t[0]))
    runs = [sorted(random.randint(0, 9) for _ in range(random.randint(0, 5))) for _ in range(random.randint(0, 4))]
    print(list(heapq.merge(*runs)), list(heapq.merge(*[r[::-1] for r in runs], reverse=True)))

# deque vs list model
for trial in range(20):
    maxlen = random.choice([None, 1, 3, 5])
    d = deque(maxlen=maxlen)
    for step in range(random.randint(0, 30)):
        op = random.randrange(8)
        x = random.randint(0, 9)
        if op == 0:
            d.append(x)
        elif op == 1:
            d.appendleft(x)
        elif op == 2 and d:
            d.pop()
        elif op == 3 and d:
            d.popleft()
        elif op == 4:
            d.rotate(random.randint(-7, 7))
        elif op == 5:
            d.extend(range(x % 4))
        elif op == 6:
            d.extendleft(range(x % 3))
        elif op == 7 and x in d:
            d.remove(x)
    print(trial, d, len(d), list(reversed(d)), d.count(3), d[0] if d else None)

# Counter
for trial in range(15):
    words = [random.choice(["x", "y", "z", "w", "v"]) for _ in range(random.randint(0, 20))]
    c = Counter(words)
    c2 = Counter({k: random.randint(-3, 3) for k in "xyzq"})
    print(trial, c, c.most_common(2), c + c2, c - c2, c | c2, c & c2, +c2, -c2, sorted(c.elements()), c.total())
    c.subtract(c2)
    print(c, c == c2, dict(c))

# itertools combinatorics and grouping
for trial in range(10):
    pool = random.sample("abcdefg", random.randint(0, 5))
    r = random.randint(0, 4)
    print(trial, pool, r, list(itertools.combinations(pool, r))[:5], list(itertools.permutations(pool, r))[-3:],
          len(list(itertools.combinations_with_replacement(pool, r))), list(itertools.product(pool[:2], repeat=2)))
    seq = [random.randint(0, 2) for _ in range(12)]
    print([(k, len(list(g))) for k, g in itertools.groupby(seq)], list(itertools.accumulate(seq)),
          list(itertools.islice(itertools.cycle(seq), 3, 20, 4)), list(itertools.compress(seq, seq)))

# random API surface, again
print(random.sample(range(50), 7), random.choices(range(5), [1, 2, 3, 4, 5], k=8), random.getrandbits(40))
rnd = random.Random("seed-string")
print([rnd.randint(1, 100) for _ in range(8)], rnd.random(), rnd.gauss(5, 2), rnd.triangular(1, 3))
od = OrderedDict((k, random.random()) for k in "abcde")
od.move_to_end("b")
od.move_to_end("d", last=False)
print(list(od), od.popitem(last=False)[0])
dd = defaultdict(list)
for i in range(20):
    dd[random.choice("pq")].append(i)
print(dict(dd))
print(functools.reduce(operator.add, range(10), 100), sorted(range(10), key=functools.cmp_to_key(lambda a, b: (a % 3) - (b % 3))))
