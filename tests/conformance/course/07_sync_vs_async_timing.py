# Course classic: the same three downloads done sequentially, concurrently, and in batches.
import asyncio

FILES = {"a.zip": 1.0, "b.zip": 0.5, "c.zip": 1.5, "d.zip": 0.2}


async def download(name):
    await asyncio.sleep(FILES[name])
    return name


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    for name in FILES:
        await download(name)
    print(f"sequential: {loop.time() - start:.1f}s")
    start = loop.time()
    await asyncio.gather(*(download(n) for n in FILES))
    print(f"concurrent: {loop.time() - start:.1f}s")
    start = loop.time()
    names = list(FILES)
    for i in range(0, len(names), 2):
        batch = names[i:i + 2]
        print("batch", batch, await asyncio.gather(*(download(n) for n in batch)))
    print(f"batches of 2: {loop.time() - start:.1f}s")


asyncio.run(main())
