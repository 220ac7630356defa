# Passing the same awaitable twice: gather wraps it once and repeats the result.
import asyncio

calls = 0


async def work():
    global calls
    calls += 1
    await asyncio.sleep(0.1)
    return calls


async def main():
    c = work()
    print(await asyncio.gather(c, c, c), "calls:", calls)
    t = asyncio.create_task(work())
    print(await asyncio.gather(t, work(), t), "calls:", calls)
    f = asyncio.get_running_loop().create_future()
    f.set_result("done already")
    print(await asyncio.gather(f, f))


asyncio.run(main())
