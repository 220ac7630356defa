# "Task exception was never retrieved" appears on stderr when the failed task is destroyed.
import asyncio


async def fail():
    raise RuntimeError("lost error")


async def main():
    asyncio.create_task(fail())
    await asyncio.sleep(0.1)
    print("main finished")


asyncio.run(main())
print("after run")
