import asyncio
async def inner():
    await asyncio.sleep(1)
async def main():
    t = asyncio.create_task(inner())
    await asyncio.sleep(0)
    t.print_stack()
    t.cancel()
asyncio.run(main())
