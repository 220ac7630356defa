# Two tasks await the same failing task: both receive the same exception object.
import asyncio


async def failing():
    await asyncio.sleep(0.5)
    raise ConnectionResetError("peer reset")


async def waiter(name, t):
    try:
        await t
    except ConnectionResetError as e:
        print(f"{name} caught {e!r}")
        return e


async def main():
    t = asyncio.create_task(failing())
    a, b = await asyncio.gather(waiter("a", t), waiter("b", t))
    print("same object:", a is b is t.exception())


asyncio.run(main())
