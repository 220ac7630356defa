import asyncio


async def main():
    try:
        async with asyncio.timeout(1):
            print("start a long job")
            await asyncio.sleep(5)
    except TimeoutError:
        print("the block timed out after", asyncio.get_running_loop().time(), "s")

    async with asyncio.timeout(2) as cm:
        await asyncio.sleep(1)
    print("finished in time; expired:", cm.expired())


asyncio.run(main())
