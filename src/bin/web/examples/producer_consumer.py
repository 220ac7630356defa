import asyncio


async def producer(name, q, n):
    for i in range(n):
        await q.put(f"{name}{i}")
        await asyncio.sleep(0.3)


async def consumer(name, q):
    while True:
        item = await q.get()
        print(f"{asyncio.get_running_loop().time():.1f} {name} handles {item}")
        await asyncio.sleep(0.5)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    workers = [asyncio.create_task(consumer(f"w{i}", q)) for i in range(2)]
    await asyncio.gather(producer("p", q, 3), producer("q", q, 2))
    await q.join()  # every item handled
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print("all done")


asyncio.run(main())
