# Gathers nest: results keep the shape of the calls.
import asyncio


async def val(x, t):
    await asyncio.sleep(t)
    print("val", x)
    return x


async def main():
    loop = asyncio.get_running_loop()
    r = await asyncio.gather(
        asyncio.gather(val(1, 0.3), val(2, 0.1)),
        val(3, 0.2),
        asyncio.gather(val(4, 0.05), asyncio.gather(val(5, 0.15))),
    )
    print(r, f"{loop.time():.2f}")
    r = await asyncio.gather(asyncio.gather(), asyncio.gather(val(6, 0)))
    print(r)


asyncio.run(main())
