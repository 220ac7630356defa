import asyncio
import sys

async def boom():
    await asyncio.sleep(0.2)
    return 1 / 0

async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('sleeper cancelled')
        raise

async def main():
    s = asyncio.create_task(sleeper())
    b = asyncio.create_task(boom())
    await asyncio.sleep(0.1)
    s.cancel()
    results = await asyncio.gather(s, b, return_exceptions=True)
    print([type(r).__name__ for r in results])
    print('to stderr', file=sys.stderr)

asyncio.run(main())
