# Order of __aenter__/__aexit__ with several managers in one async with.
import asyncio


class CM:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow

    async def __aenter__(self):
        print(f"enter {self.name}")
        await asyncio.sleep(0.1)
        return self.name

    async def __aexit__(self, et, ev, tb):
        print(f"exit {self.name}: {et.__name__ if et else None}")
        await asyncio.sleep(0.1)
        return self.swallow


async def main():
    loop = asyncio.get_running_loop()
    async with CM("a") as a, CM("b") as b:
        print("body", a, b)
    async with CM("outer", swallow=True), CM("inner"):
        raise ValueError("boom")
    print(f"{loop.time():.1f} after the swallowed error")
    try:
        async with CM("x"):
            raise KeyError("k")
    except KeyError as e:
        print("propagated", repr(e))


asyncio.run(main())
