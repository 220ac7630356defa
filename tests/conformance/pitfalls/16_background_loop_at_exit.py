# A forever-running background task is cancelled when main() returns; its finally runs
# during asyncio.run()'s shutdown, before asyncio.run() returns.
import asyncio


async def poller():
    loop = asyncio.get_running_loop()
    n = 0
    try:
        while True:
            n += 1
            await asyncio.sleep(0.4)
    finally:
        print(f"{loop.time():.1f} poller stopped after {n} polls")


async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(poller())
    await asyncio.sleep(1)
    print(f"{loop.time():.1f} main returns")
    return "main's value"


print(asyncio.run(main()))
