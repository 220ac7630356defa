# A leftover task that raises while being cancelled at shutdown: reported on stderr,
# asyncio.run() still returns main's result.
import asyncio


async def messy():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("messy: cancelled at shutdown, raising ValueError")
        raise ValueError("error during cleanup")


async def main():
    asyncio.create_task(messy())
    await asyncio.sleep(1)
    return "main result"


print(asyncio.run(main()))
