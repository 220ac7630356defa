import asyncio

class Sleeper:
    def __init__(self, d):
        self.d = d
    def __await__(self):
        print("awaiting sleeper", self.d)
        yield from asyncio.sleep(self.d).__await__()
        return self.d * 10

class Bad:
    def __await__(self):
        return 5

class YieldsNone:
    def __await__(self):
        yield
        return "after bare yield"

async def main():
    print(await Sleeper(0.5))
    t = asyncio.ensure_future(Sleeper(0.2))
    print(t)
    print(await t)
    try:
        await Bad()
    except TypeError as e:
        print("TypeError:", e)
    print(await YieldsNone())
    try:
        await 3
    except TypeError as e:
        print("TypeError:", e)
    r = await asyncio.gather(Sleeper(0.1), asyncio.sleep(0.1, "x"))
    print(r)

asyncio.run(main())
