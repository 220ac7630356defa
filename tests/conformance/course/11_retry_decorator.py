# An async retry decorator built with functools.wraps.
import asyncio
import functools


def retry(times, delay):
    def decorate(fn):
        @functools.wraps(fn)
        async def wrapper(*args, **kwargs):
            loop = asyncio.get_running_loop()
            for attempt in range(1, times + 1):
                try:
                    return await fn(*args, **kwargs)
                except ConnectionError as e:
                    print(f"{loop.time():.1f} {fn.__name__} attempt {attempt} failed: {e}")
                    if attempt == times:
                        raise
                    await asyncio.sleep(delay * attempt)
        return wrapper
    return decorate


failures = {"alpha": 2, "beta": 5}


@retry(times=3, delay=0.5)
async def connect(host):
    """Pretend to connect."""
    await asyncio.sleep(0.1)
    if failures[host] > 0:
        failures[host] -= 1
        raise ConnectionError(f"{host} refused")
    return f"connected to {host}"


async def main():
    print(connect.__name__, "|", connect.__doc__, "|", asyncio.iscoroutinefunction(connect))
    print(await connect("alpha"))
    try:
        await connect("beta")
    except ConnectionError as e:
        print("gave up:", e)


asyncio.run(main())
