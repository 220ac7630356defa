# A worker thread runs its own event loop (asyncio.run) while the main thread's loop waits
# for it: each thread has its own running loop, as in CPython.
import asyncio

async def inner(x):
    await asyncio.sleep(0.1)
    return x * 2

def in_thread(x):
    # a fresh event loop in this worker thread while the main thread's loop runs
    return asyncio.run(inner(x))

async def main():
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, in_thread, 21)
    print(r, asyncio.get_running_loop() is loop)

asyncio.run(main())
