# shield() of a finished future returns it unchanged; a coroutine becomes a task.
import asyncio


async def quick():
    return 5


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result(1)
    print("same object for a done future:", asyncio.shield(f) is f)
    p = loop.create_future()
    s = asyncio.shield(p)
    print("pending future wrapped:", s is not p, type(s).__name__)
    p.set_result("p")
    print(await s)
    print(await asyncio.shield(quick()))
    try:
        asyncio.shield(42)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
