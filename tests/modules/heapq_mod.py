import heapq
from heapq import heappush, heappop, heapify, heapreplace, heappushpop, nlargest, nsmallest, merge

h = []
for x in [5, 1, 8, 3, 9, 2, 7, 1, 5]:
    heappush(h, x)
    print(h)
print([heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0, 11, 10]
heapify(data)
print(data)
print(heapreplace(data, 6), data)
print(heappushpop(data, -1), heappushpop(data, 7), data)
print(heappushpop([], 3))

# ties: tuples with equal priority keep heap (not FIFO) order
tasks = []
for i, name in enumerate(["a", "b", "c", "d", "e", "f", "g"]):
    heappush(tasks, (i % 3, name))
print(tasks)
print([heappop(tasks) for _ in range(len(tasks))])

# comparison side effects in CPython's order
class K:
    def __init__(self, v, tag):
        self.v, self.tag = v, tag
    def __lt__(self, other):
        print("  lt", self.tag, other.tag)
        return self.v < other.v
    def __repr__(self):
        return f"K({self.v},{self.tag})"
hk = []
for i, v in enumerate([3, 1, 2, 1]):
    heappush(hk, K(v, i))
print(hk)
print(heappop(hk), hk)

print(nlargest(3, [1, 8, 2, 9, 4, 9]), nsmallest(3, [1, 8, 2, 9, 4, 1]))
print(nlargest(2, ["bb", "a", "ccc", "dd"], key=len), nsmallest(2, ["bb", "a", "ccc", "dd", "e"], key=len))
print(nlargest(10, [3, 1, 2]), nsmallest(0, [1]), nlargest(1, []), nlargest(1, [4, 7, 7]))
print(nsmallest(3, iter([5, 4, 3, 2, 1, 0, 9])), nlargest(3, (x * x % 7 for x in range(20))))
pairs = [("x", 2), ("y", 1), ("z", 2), ("w", 3), ("v", 1), ("u", 2)]
print(nlargest(3, pairs, key=lambda p: p[1]), nsmallest(3, pairs, key=lambda p: p[1]))
print(nlargest(4, iter(pairs), key=lambda p: p[1]), nsmallest(4, iter(pairs), key=lambda p: p[1]))
print(list(merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(merge(["dog", "horse"], ["cat", "fish", "kangaroo"], key=len)))
print(list(merge([7, 5, 1], [8, 2], reverse=True)), list(merge()), list(merge([1, 2])))
print(list(merge([(1, "a"), (2, "b")], [(1, "c"), (3, "d")])))
g = merge(iter([1, 4]), iter([2, 3]))
print(next(g), next(g), list(g))
for bad in [lambda: heappop([]), lambda: heapreplace([], 1), lambda: heappush((), 1),
            lambda: heapify(5), lambda: heappop((1,)), lambda: heappush([1], "a"),
            lambda: heappush([]), lambda: heappop()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
