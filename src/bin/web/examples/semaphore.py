import asyncio


async def download(n, sem):
    async with sem:  # at most two at a time
        print(f"{asyncio.get_running_loop().time():.0f}s start {n}")
        await asyncio.sleep(1)
    return n


async def main():
    sem = asyncio.Semaphore(2)
    print(await asyncio.gather(*(download(n, sem) for n in range(5))))


asyncio.run(main())
