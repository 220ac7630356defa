import asyncio


async def fetch(name, delay):
    print(f"{name}: start")
    await asyncio.sleep(delay)
    print(f"{name}: done after {delay}s")
    return name.upper()


async def main():
    results = await asyncio.gather(
        fetch("a", 0.5),
        fetch("b", 1.5),
        fetch("c", 1.0),
    )
    print("results:", results)


asyncio.run(main())
