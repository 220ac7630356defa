# A failed task whose exception nobody looks at: the loop logs it on stderr when the task is
# garbage collected; stdout just goes on.
import asyncio
import gc


async def fail():
    print("fail: raising")
    raise ValueError("nobody will see this on stdout")


async def main():
    t = asyncio.create_task(fail())
    await asyncio.sleep(0.1)
    print("task done?", t.done(), "| its exception:", repr(t.exception()))
    asyncio.create_task(fail())           # reference dropped and never retrieved
    await asyncio.sleep(0.1)
    gc.collect()
    print("main: still running")


asyncio.run(main())
print("after asyncio.run")
