# Nested TaskGroups: the inner group's ExceptionGroup becomes one error of the outer one.
import asyncio


async def fail(msg, t):
    await asyncio.sleep(t)
    raise RuntimeError(msg)


async def sleeper(name, t):
    try:
        await asyncio.sleep(t)
        print(f"{name} finished")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail("inner failure", 0.2))
        tg.create_task(sleeper("inner sibling", 1))


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner_group())
            tg.create_task(sleeper("outer sibling", 2))
            tg.create_task(sleeper("quick", 0.1))
    except ExceptionGroup as eg:
        print(repr(eg))
        inner = eg.exceptions[0]
        print(type(inner).__name__, repr(inner.exceptions[0]))


asyncio.run(main())
