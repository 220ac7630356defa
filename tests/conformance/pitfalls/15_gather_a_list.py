# gather(list) instead of gather(*list), and awaiting a list of coroutines.
import asyncio


async def job(n):
    await asyncio.sleep(0.1)
    return n


async def main():
    coros = [job(i) for i in range(3)]
    try:
        await asyncio.gather(coros)
    except TypeError as e:
        print("gather(list) -> TypeError:", e)
    try:
        await coros
    except TypeError as e:
        print("await list -> TypeError:", e)
    print("gather(*list) ->", await asyncio.gather(*coros))


asyncio.run(main())
