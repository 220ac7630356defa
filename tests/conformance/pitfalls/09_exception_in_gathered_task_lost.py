# return_exceptions=True hides failures unless you check the results.
import asyncio


async def job(i):
    await asyncio.sleep(0.1 * i)
    if i % 2:
        raise ValueError(f"job {i} failed")
    return i


async def main():
    results = await asyncio.gather(*(job(i) for i in range(5)), return_exceptions=True)
    print("results:", results)
    errors = [r for r in results if isinstance(r, BaseException)]
    print("sum of good ones:", sum(r for r in results if not isinstance(r, BaseException)))
    print("errors:", [str(e) for e in errors])


asyncio.run(main())
