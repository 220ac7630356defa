import asyncio
async def main():
    ev = asyncio.Event()
    await asyncio.wait_for(ev.wait(), timeout=1)
asyncio.run(main())
