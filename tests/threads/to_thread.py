# asyncio.to_thread: blocking functions in threads, awaited side by side with coroutines.
import asyncio
import threading
import time


def blocking(name, delay):
    time.sleep(delay)
    return f"{name} slept {delay}s in {threading.current_thread().name.split('_')[0]}"


async def coro(delay):
    await asyncio.sleep(delay)
    return f"coroutine slept {delay}s"


async def main():
    start = time.perf_counter()
    results = await asyncio.gather(
        asyncio.to_thread(blocking, "a", 0.5),
        asyncio.to_thread(blocking, "b", 1.0),
        coro(0.7),
    )
    for r in results:
        print(r)
    print(f"elapsed {time.perf_counter() - start:.1f}s")
    try:
        await asyncio.to_thread(int, "x")
    except ValueError as e:
        print("error from the thread:", e)


asyncio.run(main())
