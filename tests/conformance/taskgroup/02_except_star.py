# Several failures become one ExceptionGroup; except* splits it by type.
import asyncio


async def fail(exc, t):
    await asyncio.sleep(t)
    raise exc


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError("v1"), 0.1))
            tg.create_task(fail(KeyError("k"), 0.1))
            tg.create_task(fail(ValueError("v2"), 0.1))
            tg.create_task(asyncio.sleep(1))
    except* ValueError as eg:
        print("ValueErrors:", [str(e) for e in eg.exceptions])
    except* KeyError as eg:
        print("KeyErrors:", [repr(e) for e in eg.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(OSError("disk"), 0.1))
    except ExceptionGroup as eg:
        print(type(eg).__name__, eg.message, len(eg.exceptions))
        print("split:", eg.split(OSError)[0].exceptions, eg.split(OSError)[1])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(SystemExit(3), 0.1))
            tg.create_task(asyncio.sleep(1))
    except BaseException as e:
        print("SystemExit is not grouped:", type(e).__name__, e)


asyncio.run(main())
