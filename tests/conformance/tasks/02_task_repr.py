# repr() of tasks in each state (file names and line numbers are part of it).
import asyncio


async def sleeper(t):
    await asyncio.sleep(t)
    return "slept"


async def failing():
    raise ValueError("nope")


async def main():
    t = asyncio.create_task(sleeper(1), name="sleepy")
    print(repr(t))
    await asyncio.sleep(0)
    print(repr(t))
    await t
    print(repr(t))
    f = asyncio.create_task(failing())
    await asyncio.sleep(0)
    print(repr(f))
    f.exception()
    c = asyncio.create_task(sleeper(5))
    await asyncio.sleep(0)
    c.cancel()
    print(repr(c))
    await asyncio.sleep(0)
    print(repr(c))
    await asyncio.create_task(show_self(), name="introspect")


async def show_self():
    print(repr(asyncio.current_task()))


asyncio.run(main())
