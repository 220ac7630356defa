# run_in_executor and to_thread: a blocking function runs in a worker thread while the event
# loop waits; its result comes back to the loop through call_soon_threadsafe.
import asyncio
import threading
import time


def blocking(n):
    print(f"{threading.current_thread().name}: blocking for {n}s")
    time.sleep(n)
    return n * 10


async def main():
    loop = asyncio.get_running_loop()
    print("result", await loop.run_in_executor(None, blocking, 1))
    print("result", await asyncio.to_thread(blocking, 2))
    print(f"done at {loop.time():.1f}")


asyncio.run(main())
