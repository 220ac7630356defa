import asyncio
async def main():
    q = asyncio.Queue(1)
    q.put_nowait(1)
    await asyncio.wait_for(q.put(2), 0.1)
asyncio.run(main())
