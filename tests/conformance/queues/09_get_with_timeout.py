# q.get() under wait_for(): a timed-out getter does not swallow a later item.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    loop.call_later(1.5, q.put_nowait, "late item")
    for attempt in range(3):
        try:
            item = await asyncio.wait_for(q.get(), timeout=1)
            print(f"{loop.time():.1f} got {item!r}")
        except TimeoutError:
            print(f"{loop.time():.1f} attempt {attempt}: timeout, size {q.qsize()}")
    print("getters waiting:", len(q._getters))


asyncio.run(main())
