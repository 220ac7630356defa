# Nested timeouts: the one that expires raises; the other sees a plain exception pass by.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1) as outer:
            try:
                async with asyncio.timeout(5) as inner:
                    await asyncio.sleep(3)
            except TimeoutError:
                print("inner block caught TimeoutError?! inner expired:", inner.expired())
                raise
    except TimeoutError:
        print(f"{loop.time():.1f} outer expired={outer.expired()} inner expired={inner.expired()}")
    try:
        async with asyncio.timeout(5) as outer:
            try:
                async with asyncio.timeout(1) as inner:
                    await asyncio.sleep(3)
            except TimeoutError:
                print(f"{loop.time():.1f} inner timed out; outer keeps going")
            await asyncio.sleep(1)
            print(f"{loop.time():.1f} outer body finished")
    except TimeoutError:
        print("never")
    print("expired:", outer.expired(), inner.expired())


asyncio.run(main())
