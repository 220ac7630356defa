# get_running_loop() outside a coroutine, and asyncio.run() on a non-coroutine.
import asyncio

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)


async def main():
    return "ok"


for bad in (main, 42, asyncio.sleep(0)):
    try:
        print(asyncio.run(bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", str(e).split(" at 0x")[0])
