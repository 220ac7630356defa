# A callback event loop with heapq: a sequence number keeps equal deadlines FIFO.
import heapq
import itertools
import time

timers, seq = [], itertools.count()


def call_later(delay, fn, *args):
    heapq.heappush(timers, (time.time() + delay, next(seq), fn, args))


def run():
    start = time.time()
    while timers:
        when, n, fn, args = heapq.heappop(timers)
        time.sleep(max(0.0, when - time.time()))
        print(f"{time.time() - start:.2f} #{n}", end=" ")
        fn(*args)


def ping(name, left):
    print(f"{name} ping")
    if left:
        call_later(0.3, ping, name, left - 1)


call_later(0.5, print, "at 0.5 (first)")
call_later(0.5, print, "at 0.5 (second)")
call_later(0.1, ping, "A", 2)
call_later(0.2, ping, "B", 1)
call_later(0.5, print, "at 0.5 (third)")
run()
print("heap empty:", timers == [])
