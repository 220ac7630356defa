# heapq: push/pop order, heapify layout, ties with tuples, nlargest/nsmallest, merge.
import heapq
h = []
for v in [5, 1, 8, 3, 2, 9, 1]:
    heapq.heappush(h, v)
    print("push", v, h)
print([heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 6]
heapq.heapify(data)
print(data)
print(heapq.heappushpop(data, 0), data)
print(heapq.heapreplace(data, 10), data)
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9]))
print(heapq.nlargest(2, ["bb", "a", "ccc"], key=len), heapq.nsmallest(2, [(2, "x"), (1, "y"), (1, "a")]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])))
tasks = []
heapq.heappush(tasks, (2, 0, "write"))
heapq.heappush(tasks, (1, 1, "read"))
heapq.heappush(tasks, (2, 2, "exec"))
heapq.heappush(tasks, (1, 3, "open"))
print(tasks)
while tasks:
    print(heapq.heappop(tasks))
timers = []
for when, name in [(0.3, "a"), (0.1, "b"), (0.1, "c"), (0.2, "d"), (0.1, "e")]:
    heapq.heappush(timers, (when, name))
print(timers)
print([heapq.heappop(timers)[1] for _ in range(5)])
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
mixed = []
heapq.heappush(mixed, 1)
try:
    heapq.heappush(mixed, "x")
except TypeError as e:
    print("TypeError:", e)
