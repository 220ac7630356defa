# Course classic: retry a slow request with a timeout and growing backoff.
import asyncio

LATENCIES = iter([3.0, 2.5, 0.4, 9.9])


async def request(n):
    delay = next(LATENCIES)
    await asyncio.sleep(delay)
    return f"response #{n} after {delay}s"


async def fetch_with_retry(attempts=4, timeout=1.0):
    loop = asyncio.get_running_loop()
    for n in range(1, attempts + 1):
        try:
            return await asyncio.wait_for(request(n), timeout)
        except asyncio.TimeoutError:
            backoff = 0.1 * 2 ** n
            print(f"{loop.time():.2f} attempt {n} timed out, retrying in {backoff:.1f}s")
            await asyncio.sleep(backoff)
    raise RuntimeError("all attempts failed")


async def main():
    loop = asyncio.get_running_loop()
    print(await fetch_with_retry(), f"at {loop.time():.2f}")


asyncio.run(main())
