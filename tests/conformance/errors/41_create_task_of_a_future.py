# create_task() wants a coroutine: shield() returns a future, and CPython's Task (written in C)
# rejects it from base_events.create_task, with no frame of its own in the traceback.
import asyncio


async def critical():
    await asyncio.sleep(1)
    return "saved"


async def main():
    print("wrapping a shield in a task")
    asyncio.create_task(asyncio.shield(critical()))


asyncio.run(main())
