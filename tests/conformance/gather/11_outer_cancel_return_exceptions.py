# Cancelling a gather(return_exceptions=True): it still ends as cancelled, children report
# CancelledError objects that are never returned.
import asyncio


async def child(i):
    await asyncio.sleep(i)
    return i


async def main():
    kids = [asyncio.create_task(child(i)) for i in (1, 2, 3)]
    g = asyncio.gather(*kids, return_exceptions=True)
    await asyncio.sleep(1.5)
    g.cancel()
    try:
        print(await g)
    except asyncio.CancelledError:
        print("gather raised CancelledError")
    print([("cancelled" if k.cancelled() else k.result()) for k in kids])


asyncio.run(main())
