# Counter arithmetic, deque as sliding window, ChainMap-free config merging with dicts.
from collections import Counter, deque, defaultdict, namedtuple
a = Counter(a=3, b=1)
b = Counter(a=1, b=2, c=5)
print(a + b, a - b, a & b, a | b)
print(sorted((a + b).elements()), (a + b).most_common())
text = "it was the best of times it was the worst of times"
wc = Counter(text.split())
print(wc.most_common(3), wc["times"], len(wc))
window = deque(maxlen=3)
sums = []
for v in [1, 2, 3, 4, 5, 6]:
    window.append(v)
    sums.append(sum(window))
print(sums, window)
graph = defaultdict(set)
for x, y in [(1, 2), (1, 3), (2, 3), (3, 4)]:
    graph[x].add(y)
    graph[y].add(x)
print({k: sorted(v) for k, v in sorted(graph.items())})
seen, order, q = {1}, [], deque([1])
while q:
    node = q.popleft()
    order.append(node)
    for nb in sorted(graph[node]):
        if nb not in seen:
            seen.add(nb)
            q.append(nb)
print("bfs order", order)
Card = namedtuple("Card", "rank suit")
hand = [Card("A", "s"), Card("10", "h"), Card("K", "s")]
print(hand[0], [c.rank for c in hand], sorted(hand, key=lambda c: c.suit))
print(Card._fields, hand[1]._replace(suit="d"), hand[2] == ("K", "s"))
dq = deque(range(5))
dq.rotate(1)
print(dq, dq.popleft(), dq.pop(), list(dq))
