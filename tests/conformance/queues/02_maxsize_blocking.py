# A bounded queue blocks the producer until a consumer makes room.
import asyncio


async def producer(q, loop):
    for i in range(5):
        await q.put(i)
        print(f"{loop.time():.1f} put {i} (size {q.qsize()})")
    await q.put(None)


async def consumer(q, loop):
    while (item := await q.get()) is not None:
        print(f"{loop.time():.1f} got {item}")
        await asyncio.sleep(1)


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q, loop), consumer(q, loop))


asyncio.run(main())
