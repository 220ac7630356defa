# Breaking out of async for leaves the generator suspended; asyncio.run() finalizes it
# at shutdown (its finally runs after main returns).
import asyncio


async def ticker(name, n):
    loop = asyncio.get_running_loop()
    try:
        for i in range(n):
            await asyncio.sleep(0.5)
            yield i
    finally:
        print(f"  {loop.time():.1f} {name} cleanup")


async def main():
    loop = asyncio.get_running_loop()
    async for i in ticker("first", 10):
        print(f"{loop.time():.1f} first {i}")
        if i == 1:
            break
    print(f"{loop.time():.1f} after break")
    gen = ticker("second", 10)
    print("anext:", await anext(gen))
    await asyncio.sleep(1)
    print(f"{loop.time():.1f} main returns")


asyncio.run(main())
print("after asyncio.run")
