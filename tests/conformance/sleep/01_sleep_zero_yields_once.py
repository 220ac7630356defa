# sleep(0) yields to the loop exactly once and does not use the timer heap.
import asyncio


async def counter(name, n, loop):
    for i in range(n):
        print(f"{name} {i} at {loop.time()}")
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, print, "call_later(0) timer")
    a = asyncio.create_task(counter("A", 3, loop))
    b = asyncio.create_task(counter("B", 3, loop))
    await asyncio.sleep(0)
    print("main after 1 sleep(0)")
    await asyncio.sleep(0)
    print("main after 2 sleep(0)")
    await asyncio.gather(a, b)
    print("time is still", loop.time())


asyncio.run(main())
