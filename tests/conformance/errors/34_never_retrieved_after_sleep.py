import asyncio
async def bad():
    await asyncio.sleep(0.1)
    raise ValueError("lost")
async def main():
    t = asyncio.create_task(bad())
    await asyncio.sleep(0.5)
    del t
    print("end")
asyncio.run(main())
