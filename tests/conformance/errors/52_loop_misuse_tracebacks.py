# Misusing the running loop: each error's traceback passes through asyncio's own lines
# (runners.py, base_events.py), which must name CPython's files and lines.
import asyncio
import traceback


async def noop():
    return 1


async def main():
    loop = asyncio.get_running_loop()
    coro = noop()
    try:
        loop.run_until_complete(coro)
    except RuntimeError:
        traceback.print_exc()
    coro.close()
    try:
        loop.run_forever()
    except RuntimeError:
        traceback.print_exc()
    try:
        asyncio.run(coro)
    except RuntimeError:
        traceback.print_exc()
    try:
        loop.call_later("soon", print)
    except TypeError:
        traceback.print_exc()
    try:
        loop.call_soon(42)
    except TypeError:
        traceback.print_exc()
    fut = loop.create_future()
    try:
        fut.result()
    except asyncio.InvalidStateError:
        traceback.print_exc()
    try:
        await asyncio.wait([])
    except ValueError:
        traceback.print_exc()
    try:
        asyncio.Semaphore(-1)
    except ValueError:
        traceback.print_exc()
    q = asyncio.Queue(maxsize=1)
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull:
        traceback.print_exc()
    print("done")


asyncio.run(main())
