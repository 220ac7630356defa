# Debug mode: a task waiting on gather() shows the _GatheringFuture it waits for, created at
# CPython's tasks.py:709 (its __init__ calling the C Future's).
import asyncio


async def child(n):
    await asyncio.sleep(n)
    return n


async def parent():
    return await asyncio.gather(child(0.1), child(0.2))


async def main():
    t = asyncio.create_task(parent(), name="parent")
    await asyncio.sleep(0.05)
    print(t)
    print(await t)

asyncio.run(main(), debug=True)
