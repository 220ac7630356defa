# A task that never awaits anything real starves others until it finishes; an async
# function that awaits only completed coroutines never yields either.
import asyncio


async def no_real_await(n):
    total = 0
    for i in range(n):
        total += await add(i)         # awaiting a coroutine that doesn't suspend: no yield
    return total


async def add(i):
    return i


async def other():
    print("other task finally runs")


async def main():
    asyncio.create_task(other())
    print("sum:", await no_real_await(1000))
    print("main: the other task has not run yet")
    await asyncio.sleep(0)
    print("main: after sleep(0)")


asyncio.run(main())
