import asyncio


async def fail():
    await asyncio.sleep(0.5)
    raise ValueError("nobody saw this")


async def main():
    asyncio.create_task(fail())  # pitfall: nobody awaits it, the error is only logged
    await asyncio.sleep(1)
    print("main finished")


asyncio.run(main())
