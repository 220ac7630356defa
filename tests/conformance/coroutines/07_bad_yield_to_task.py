# A task whose coroutine yields something that is not a Future fails with RuntimeError.
import asyncio
import types


@types.coroutine
def yield_value():
    yield "not a future"


async def main():
    t = asyncio.create_task(bad())
    try:
        await t
    except RuntimeError as e:
        print("RuntimeError:", e)


async def bad():
    await yield_value()


asyncio.run(main())
