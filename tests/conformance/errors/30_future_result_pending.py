import asyncio
async def main():
    f = asyncio.get_running_loop().create_future()
    f.result()
asyncio.run(main())
