# as_completed(): an error surfaces at its turn; a timeout raises TimeoutError at once.
import asyncio


async def job(name, t, fail=False):
    await asyncio.sleep(t)
    if fail:
        raise ValueError(name)
    return name


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(c) for c in (job("a", 0.3), job("b", 0.1, True), job("c", 0.2))]
    for fut in asyncio.as_completed(tasks):
        try:
            name = await fut
            print(f"{loop.time():.1f} ok", name)
        except ValueError as e:
            print(f"{loop.time():.1f} failed", repr(e))
    it = asyncio.as_completed([asyncio.create_task(job("x", 1)), asyncio.create_task(job("y", 5))], timeout=2)
    print(type(it).__name__)
    results = []
    try:
        for fut in it:
            results.append(await fut)
    except TimeoutError:
        print(f"{loop.time():.1f} timeout after {results}")
    try:
        for fut in asyncio.as_completed([]):
            print("never")
        print("empty: no iterations")
    except Exception as e:
        print(type(e).__name__, e)
    await asyncio.sleep(5)


asyncio.run(main())
