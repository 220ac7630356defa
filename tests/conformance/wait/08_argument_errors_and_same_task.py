import asyncio

async def c():
    await asyncio.sleep(0.1)
    return 1

async def main():
    coro = c()
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print("TypeError:", e)
    coro.close()
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait([asyncio.ensure_future(c())], return_when="bogus")
    except ValueError as e:
        print("ValueError:", e)
    r = await asyncio.gather()
    print("empty gather", r)
    t = asyncio.create_task(c())
    r = await asyncio.gather(t, t, t)
    print("same task thrice", r)
    done, pending = await asyncio.wait({asyncio.create_task(c())}, timeout=0)
    print(len(done), len(pending))
    for p in pending:
        await p
    print(await asyncio.sleep(0.5, result="slept"))

asyncio.run(main())
