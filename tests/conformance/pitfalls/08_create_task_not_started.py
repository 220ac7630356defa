# create_task() does not start the coroutine; it runs only when the creator yields.
import asyncio


async def child(log):
    log.append("child started")
    await asyncio.sleep(0)
    log.append("child resumed")


async def main():
    log = []
    t = asyncio.create_task(child(log))
    log.append("main after create_task")
    for i in range(100000):                # no await: the child can't run meanwhile
        pass
    log.append("main after busy loop")
    await asyncio.sleep(0)
    log.append("main after sleep(0)")
    await t
    print(log)


asyncio.run(main())
