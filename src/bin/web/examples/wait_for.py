import asyncio


async def answer(delay):
    await asyncio.sleep(delay)
    return 42


async def main():
    print("fast:", await asyncio.wait_for(answer(0.5), timeout=1))
    try:
        await asyncio.wait_for(answer(5), timeout=1)
    except asyncio.TimeoutError:
        print("slow: timed out")


asyncio.run(main())
