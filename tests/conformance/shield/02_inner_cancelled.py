# If the shielded task itself is cancelled, the outer future is cancelled too.
import asyncio


async def main():
    inner = asyncio.create_task(asyncio.sleep(5, "never"))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0.1)
    inner.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled?", outer.cancelled(), "| inner cancelled?", inner.cancelled())


asyncio.run(main())
