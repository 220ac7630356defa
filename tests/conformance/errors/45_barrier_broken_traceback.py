# A barrier aborted while parties wait, and one aborted before a party arrives: the
# BrokenBarrierError tracebacks go through asyncio/locks.py's wait, _wait and _block.
import asyncio
import traceback


async def party(b, i):
    try:
        await b.wait()
    except asyncio.BrokenBarrierError:
        print("party", i, "broken")
        traceback.print_exc()


async def main():
    b = asyncio.Barrier(3)
    t = asyncio.create_task(party(b, 0))
    await asyncio.sleep(0.1)
    await b.abort()
    await t
    await party(b, 1)
    print(b.broken, b.n_waiting)

asyncio.run(main())
