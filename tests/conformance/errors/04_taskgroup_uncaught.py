# An uncaught ExceptionGroup from a TaskGroup: the traceback is drawn as a tree.
import asyncio


async def fail(msg):
    await asyncio.sleep(0.1)
    raise ValueError(msg)


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail("first"))
        tg.create_task(fail("second"))
    print("never")


print("start")
asyncio.run(main())
