import asyncio
async def bad(d):
    await asyncio.sleep(d)
    raise ValueError(d)
async def main():
    for f in asyncio.as_completed([bad(0.2), bad(0.1)]):
        await f
asyncio.run(main())
