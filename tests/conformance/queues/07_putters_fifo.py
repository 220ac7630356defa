# Blocked putters are served FIFO; each get() lets one more put() in.
import asyncio


async def put(q, item, loop):
    await q.put(item)
    print(f"{loop.time():.1f} put {item} done")


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue(1)
    await q.put("initial")
    ps = [asyncio.create_task(put(q, c, loop)) for c in "abc"]
    await asyncio.sleep(1)
    for _ in range(4):
        item = await q.get()
        print(f"{loop.time():.1f} get ->", item)
        await asyncio.sleep(1)
    await asyncio.gather(*ps)


asyncio.run(main())
