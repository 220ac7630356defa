import asyncio
import time


def download_blocking(n):
    time.sleep(1)  # blocks everything for one second
    return f"page {n}"


async def download(n):
    await asyncio.sleep(1)  # gives the loop back while waiting
    return f"page {n}"


async def main():
    start = time.perf_counter()
    pages = [download_blocking(n) for n in range(3)]
    print(f"blocking: {pages} in {time.perf_counter() - start:.1f}s")

    start = time.perf_counter()
    pages = await asyncio.gather(*(download(n) for n in range(3)))
    print(f"async:    {pages} in {time.perf_counter() - start:.1f}s")


asyncio.run(main())
