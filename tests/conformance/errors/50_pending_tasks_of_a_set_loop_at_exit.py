# At exit, CPython reports "Task was destroyed but it is pending!" for a pending task only
# when it dies: tasks that the current event loop (set_event_loop, never closed) still
# reaches through its timers are never finalized, so they are not reported and their
# `finally` never runs; a task nothing reaches (awaiting a bare Future) is.
import asyncio


async def sleeper(n):
    try:
        await asyncio.sleep(10)
    finally:
        print("sleeper finally", n)


async def waiter(t):
    try:
        await t
    finally:
        print("waiter finally")


async def orphan():
    try:
        await asyncio.get_running_loop().create_future()
    finally:
        print("orphan finally")


async def main():
    t = asyncio.create_task(sleeper(1))
    asyncio.create_task(waiter(t))
    asyncio.create_task(orphan())
    await asyncio.sleep(0.5)
    print("main done")

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
print("end")
