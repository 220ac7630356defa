import asyncio
async def main():
    t = asyncio.create_task(asyncio.sleep(5))
    done, pending = await asyncio.wait([t], timeout=0.1)
    t.cancel()
    await t
asyncio.run(main())
