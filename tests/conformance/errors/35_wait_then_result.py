import asyncio
async def bad():
    await asyncio.sleep(0.1)
    raise ValueError("w")
async def main():
    done, pending = await asyncio.wait([asyncio.create_task(bad())])
    for d in done:
        d.result()
asyncio.run(main())
