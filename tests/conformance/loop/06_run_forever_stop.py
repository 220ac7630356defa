# run_forever() + stop(): stop() lets the current iteration finish, then run_forever returns.
import asyncio

loop = asyncio.new_event_loop()


def step(n):
    print(f"{loop.time():.1f} step {n}")
    if n == 3:
        loop.stop()
        loop.call_soon(print, "scheduled in the same iteration as stop()")
    else:
        loop.call_later(0.5, step, n + 1)


loop.call_soon(step, 0)
loop.run_forever()
print("run_forever returned; running?", loop.is_running())
loop.call_soon(loop.stop)
loop.run_forever()
print("...unless we stopped it: stop() before run_forever()")

loop.stop()                      # stop first: run_forever() runs exactly one iteration
loop.call_soon(print, "one iteration")
loop.call_later(0.1, print, "never in this run")
loop.run_forever()
print(f"{loop.time():.1f} back again")
loop.run_until_complete(asyncio.sleep(0.5))
print(f"{loop.time():.1f} closed? {loop.is_closed()}")
loop.close()
print("closed?", loop.is_closed())
