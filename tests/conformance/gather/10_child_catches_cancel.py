# If a child swallows the cancellation, the gather still ends up cancelled.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("stubborn: swallowed")
    return "stubborn result"


async def normal():
    await asyncio.sleep(5)


async def main():
    g = asyncio.gather(stubborn(), normal())
    await asyncio.sleep(1)
    g.cancel()
    try:
        print("result:", await g)
    except asyncio.CancelledError:
        print("gather cancelled?", g.cancelled())


asyncio.run(main())
