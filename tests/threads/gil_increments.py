# CPython 3.11 switches threads only at function starts, backward jumps and after calls, so
# `counter += 1` in a loop loses no updates even without a lock (older Pythons could),
# though the threads take turns every 5 ms.
import threading

counter = 0


def add(n):
    global counter
    for _ in range(n):
        counter += 1


threads = [threading.Thread(target=add, args=(300_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)


class Box:
    n = 0


box = Box()


def add_attr(n):
    for _ in range(n):
        box.n = box.n + 1


threads = [threading.Thread(target=add_attr, args=(200_000,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("box.n", box.n)
