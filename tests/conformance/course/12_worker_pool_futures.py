# A worker pool: submit() returns a Future the caller can await; workers fulfil it.
import asyncio


class Pool:
    def __init__(self, size):
        self.queue = asyncio.Queue()
        self.workers = [asyncio.create_task(self.worker(i)) for i in range(size)]

    def submit(self, fn, *args):
        fut = asyncio.get_running_loop().create_future()
        self.queue.put_nowait((fut, fn, args))
        return fut

    async def worker(self, i):
        loop = asyncio.get_running_loop()
        while True:
            fut, fn, args = await self.queue.get()
            print(f"{loop.time():.1f} worker{i} runs {fn.__name__}{args}")
            try:
                fut.set_result(await fn(*args))
            except Exception as e:
                fut.set_exception(e)

    async def close(self):
        for w in self.workers:
            w.cancel()
        await asyncio.gather(*self.workers, return_exceptions=True)


async def square(x):
    await asyncio.sleep(x / 10)
    return x * x


async def divide(a, b):
    await asyncio.sleep(0.1)
    return a / b


async def main():
    pool = Pool(2)
    futs = [pool.submit(square, n) for n in (3, 1, 2)] + [pool.submit(divide, 1, 0)]
    results = await asyncio.gather(*futs, return_exceptions=True)
    print(results)
    await pool.close()


asyncio.run(main())
