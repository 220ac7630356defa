# Timers left in the heap when run_until_complete() returns fire in a later run.
import asyncio

loop = asyncio.new_event_loop()
loop.call_later(0.5, print, "timer 0.5")
loop.call_later(1.5, print, "timer 1.5")
loop.call_later(3.0, print, "timer 3.0")
loop.run_until_complete(asyncio.sleep(1))
print(f"{loop.time():.1f} first run done")
loop.run_until_complete(asyncio.sleep(0))
print(f"{loop.time():.1f} second run done (time did not move)")
loop.run_until_complete(asyncio.sleep(2.5))
print(f"{loop.time():.1f} third run done")
print("scheduled timers left:", len(loop._scheduled))
loop.close()
