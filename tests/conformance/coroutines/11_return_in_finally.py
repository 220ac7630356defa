# return (or break) inside finally swallows the exception, even CancelledError.
import asyncio


async def swallow():
    try:
        await asyncio.sleep(10)
    finally:
        return "returned from finally"


def plain():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return i


async def main():
    t = asyncio.create_task(swallow())
    await asyncio.sleep(0.1)
    t.cancel()
    r = await t
    print(r, "| cancelled?", t.cancelled())
    print("plain:", plain())


asyncio.run(main())
