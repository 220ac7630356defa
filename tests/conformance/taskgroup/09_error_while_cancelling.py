# While the group cancels siblings, a sibling that fails in its cleanup adds its error too.
import asyncio


async def bad(t):
    await asyncio.sleep(t)
    raise ValueError("first failure")


async def bad_cleanup():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        raise KeyError("failure during cancellation")


async def good_cleanup():
    try:
        await asyncio.sleep(5)
    finally:
        print("good_cleanup: finally")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(0.1))
            tg.create_task(bad_cleanup())
            tg.create_task(good_cleanup())
    except* ValueError as eg:
        print("ValueError part:", [repr(e) for e in eg.exceptions])
    except* KeyError as eg:
        print("KeyError part:", [repr(e) for e in eg.exceptions])


asyncio.run(main())
