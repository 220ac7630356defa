# Releasing a Semaphore several times wakes that many waiters, in FIFO order.
import asyncio


async def waiter(sem, name, loop):
    await sem.acquire()
    print(f"{loop.time():.1f} {name} acquired")


async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(0)
    ts = [asyncio.create_task(waiter(sem, f"w{i}", loop)) for i in range(5)]
    await asyncio.sleep(1)
    sem.release()
    sem.release()
    print("released twice, locked?", sem.locked())
    await asyncio.sleep(1)
    for _ in range(3):
        sem.release()
    await asyncio.gather(*ts)
    print("value:", sem._value, "locked?", sem.locked())


asyncio.run(main())
