# Lock, Event, Condition, Semaphore and queue.Queue between threads.
import queue
import threading
import time

counter = 0
lock = threading.Lock()


def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


threads = [threading.Thread(target=add, args=(20_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)

q = queue.Queue()
results = []


def producer():
    for i in range(5):
        time.sleep(0.1)
        q.put(i)
    q.put(None)


def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        results.append(item * 10)
        q.task_done()


p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
p.start()
c.start()
p.join()
c.join()
print("consumed", results, q.empty())

ready = threading.Event()


def waiter():
    print("waiter sees", ready.wait(timeout=2))


w = threading.Thread(target=waiter)
w.start()
time.sleep(0.3)
ready.set()
w.join()
print("event set:", ready.is_set())

sem = threading.Semaphore(2)
inside = []
peak = [0]


def limited(i):
    with sem:
        inside.append(i)
        peak[0] = max(peak[0], len(inside))
        time.sleep(0.2)
        inside.remove(i)


start = time.perf_counter()
ts = [threading.Thread(target=limited, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("peak inside the semaphore:", peak[0], f"in {time.perf_counter() - start:.1f}s")

cond = threading.Condition()
items = []


def take():
    with cond:
        cond.wait_for(lambda: items)
        print("took", items.pop())


t = threading.Thread(target=take)
t.start()
time.sleep(0.1)
with cond:
    items.append("x")
    cond.notify()
t.join()
rl = threading.RLock()
with rl:
    with rl:
        print("rlock re-entered")
print(lock.acquire(False), lock.acquire(False), lock.locked())
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
