# collections.deque: appends, pops, rotation, maxlen, indexing.
from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
print(list(d), 7 in d, d.count(7), d.index(8))
d.remove(7)
print(d)
d.reverse()
print(d)
d.clear()
print(d, bool(d))
try:
    d.pop()
except IndexError as e:
    print("IndexError:", e)
try:
    d.popleft()
except IndexError as e:
    print("IndexError:", e)
ring = deque(maxlen=3)
for i in range(6):
    ring.append(i)
    print(ring)
ring.appendleft(-1)
print(ring, ring.maxlen)
print(deque("abc"), deque(range(3), maxlen=2), deque())
q = deque()
q.append("task1")
q.append("task2")
while q:
    print("processing", q.popleft())
d2 = deque([1, 2, 3])
d2[1] = 20
print(d2, d2 == deque([1, 20, 3]), list(reversed(d2)), d2.copy())
