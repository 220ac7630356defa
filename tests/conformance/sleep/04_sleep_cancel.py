# Cancelling a sleeping task cancels its timer: the loop does not wait for it.
import asyncio


async def napper(loop):
    try:
        await asyncio.sleep(1000)
    except asyncio.CancelledError:
        print(f"{loop.time():.1f} napper cancelled")
        await asyncio.sleep(0.5)          # cleanup may still await
        print(f"{loop.time():.1f} napper cleanup done")
        raise


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(napper(loop))
    await asyncio.sleep(2)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"{loop.time():.1f} main: napper is cancelled")
    loop.call_later(3, print, "timer still pending")


asyncio.run(main())
print("asyncio.run does not wait for plain timers")
