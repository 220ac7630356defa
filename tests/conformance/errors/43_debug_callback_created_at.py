# Debug mode: a failing callback's report shows where its handle was made
# ("source_traceback: Object created at"), DEBUG_STACK_DEPTH (10) frames deep counting
# asyncio's own call_soon/_call_soon/call_at/call_later/TimerHandle frames, which are then
# dropped from the list.
import asyncio


def bad(x):
    raise ValueError(x)


async def deep(n):
    loop = asyncio.get_running_loop()
    if n:
        return await deep(n - 1)
    loop.call_soon(bad, 1)
    loop.call_later(0.1, bad, 2)
    loop.call_at(loop.time() + 0.2, bad, 3)
    loop.call_soon_threadsafe(bad, 4)
    loop._call_soon(bad, (5,), None)
    await asyncio.sleep(0.5)


async def main():
    await deep(0)
    await deep(3)
    print("done")

asyncio.run(main(), debug=True)
