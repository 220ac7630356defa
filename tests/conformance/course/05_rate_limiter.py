# A token-bucket rate limiter built from a Semaphore refilled by a background task.
import asyncio


async def refill(sem, rate, capacity):
    while True:
        await asyncio.sleep(1 / rate)
        if sem._value < capacity:
            sem.release()


async def call_api(sem, i, loop):
    await sem.acquire()
    print(f"{loop.time():.2f} request {i}")


async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(2)
    filler = asyncio.create_task(refill(sem, rate=4, capacity=2))
    await asyncio.gather(*(call_api(sem, i, loop) for i in range(7)))
    filler.cancel()
    print(f"{loop.time():.2f} done")


asyncio.run(main())
