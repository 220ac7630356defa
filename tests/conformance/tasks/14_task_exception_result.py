# result(), exception(), and await on a task that raised.
import asyncio


async def boom(n):
    await asyncio.sleep(n)
    raise KeyError(f"key{n}")


async def main():
    t = asyncio.create_task(boom(1))
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        print("exception() too early:", e)
    await asyncio.sleep(2)
    print("done?", t.done(), "| exception():", repr(t.exception()))
    try:
        t.result()
    except KeyError as e:
        print("result() raises", repr(e))
    try:
        await t
    except KeyError as e:
        print("await raises the same object:", e is t.exception())
    try:
        await boom(0)
    except KeyError as e:
        print("direct await:", repr(e), "| traceback kept?", e.__traceback__ is not None)


asyncio.run(main())
