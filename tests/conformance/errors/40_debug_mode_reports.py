# asyncio's debug mode: a slow callback and a slow task step are reported with where they
# were created, and an exception nobody retrieved with the stack that created its task.
import asyncio
import time


def block():
    time.sleep(0.2)


async def bad():
    raise ValueError("x")


async def slow_step():
    time.sleep(0.3)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(block)
    loop.call_later(0.1, block)
    t = asyncio.create_task(bad())
    await asyncio.sleep(0.5)
    print(t.done())
    del t
    await asyncio.create_task(slow_step())
    await asyncio.sleep(0.1)
    print("end")


asyncio.run(main(), debug=True)
