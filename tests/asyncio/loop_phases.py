# _run_once runs only the handles that were ready when the iteration started; timers that
# are due join the ready queue after the ones already there.
import asyncio

loop = asyncio.new_event_loop()
it = [0]


def tick(name):
    print(f"{loop.time():.2f} {name}")


def chain(n):
    tick(f"chain {n}")
    if n < 3:
        loop.call_soon(chain, n + 1)


loop.call_soon(chain, 0)
loop.call_soon(tick, "soon A")
loop.call_later(0, tick, "later 0")
loop.call_later(-5, tick, "later -5")
loop.call_at(loop.time(), tick, "at now")
loop.call_soon(tick, "soon B")
loop.call_later(0.5, tick, "later 0.5")
loop.call_later(0.5, loop.call_soon, tick, "soon from timer")
loop.call_later(0.5, tick, "later 0.5 again")
loop.call_later(1, loop.stop)
loop.run_forever()
print("running after stop?", loop.is_running())
loop.call_soon(tick, "second run")
loop.call_soon(loop.stop)
loop.call_soon(tick, "same iteration as stop")
loop.run_forever()
loop.call_soon(loop.stop)
loop.stop()
loop.run_forever()
print("stop before run_forever: one iteration")
h = loop.call_soon(tick, "cancelled")
h.cancel()
print(h)
t = loop.call_later(2, tick, "timer")
print(t.when() == loop.time() + 2, t.cancelled())
t.cancel()
print(t.cancelled())


async def stamp():
    await asyncio.sleep(0.1)
    return loop.time()


print(f"{loop.run_until_complete(stamp()):.2f}")
try:
    loop.run_until_complete(loop.create_future().__class__(loop=loop) if False else asyncio.sleep(0))
    print("ok sleep(0)")
except Exception as e:
    print(type(e).__name__, e)
loop.close()
try:
    loop.run_forever()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    loop.run_in_executor(None, print)
except RuntimeError as e:
    print("RuntimeError:", e)
print(loop.is_closed())
