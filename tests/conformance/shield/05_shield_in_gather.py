# Shielded children of a cancelled gather keep running.
import asyncio


async def work(name, t):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(t)
    print(f"{loop.time():.1f} {name} finished")
    return name


async def main():
    loop = asyncio.get_running_loop()
    protected = asyncio.create_task(work("protected", 1))
    g = asyncio.gather(asyncio.shield(protected), work("plain", 1))
    await asyncio.sleep(0.5)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print(f"{loop.time():.1f} gather cancelled")
    print("result of the protected task:", await protected)


asyncio.run(main())
