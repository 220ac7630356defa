# Timers with equal `when` come out in heapq's order (not FIFO), and cancelled timers are
# dropped lazily or by a heap rebuild once they are most of the heap.
import asyncio


def main():
    loop = asyncio.new_event_loop()
    order = []
    for i in range(12):
        loop.call_at(5.0, order.append, i)
    for i in range(12, 16):
        loop.call_at(2.0 + (i % 2), order.append, i)
    loop.call_later(6, loop.stop)
    loop.run_forever()
    print("ties:", order)

    handles = [loop.call_later(10 + i, print, "never") for i in range(150)]
    print("scheduled:", len(loop._scheduled), "cancelled count:", loop._timer_cancelled_count)
    for h in handles[:80]:
        h.cancel()
    print("after cancel:", len(loop._scheduled), loop._timer_cancelled_count)
    loop.call_soon(loop.stop)
    loop.run_forever()
    print("after rebuild:", len(loop._scheduled), loop._timer_cancelled_count)
    for h in handles[80:100]:
        h.cancel()
    loop.call_soon(loop.stop)
    loop.run_forever()
    print("few cancelled:", len(loop._scheduled), loop._timer_cancelled_count)
    h = handles[100]
    print(h.cancelled(), h.when() - loop.time() > 0)
    for h in handles[100:]:
        h.cancel()
    loop.call_soon(loop.stop)
    loop.run_forever()
    print("all cancelled:", len(loop._scheduled), loop._timer_cancelled_count)
    print(f"time {loop.time():.3f}")
    loop.close()


main()
