# new_event_loop / set_event_loop / get_event_loop outside of a running loop.
import asyncio

a = asyncio.new_event_loop()
b = asyncio.new_event_loop()
print("two new loops are different:", a is not b)
asyncio.set_event_loop(a)
print("get_event_loop() is a:", asyncio.get_event_loop() is a)
asyncio.set_event_loop(b)
print("get_event_loop() is b:", asyncio.get_event_loop() is b)


async def which():
    running = asyncio.get_running_loop()
    print("  running is a:", running is a, "| running is b:", running is b,
          "| get_event_loop() is running:", asyncio.get_event_loop() is running)


a.run_until_complete(which())
b.run_until_complete(which())
asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.set_event_loop(42)
except TypeError as e:
    print("TypeError:", e)
a.close()
b.close()
asyncio.run(which())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
