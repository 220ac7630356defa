# An exception in the body of async with cancels the children too.
# (Children are cancelled in the order of a set, i.e. by memory address: only record them.)
import asyncio

cancelled = []


async def child(name):
    try:
        await asyncio.sleep(1)
        print(f"{name} done")
    except asyncio.CancelledError:
        cancelled.append(name)
        raise


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("x"))
            tg.create_task(child("y"))
            await asyncio.sleep(0.5)
            raise ZeroDivisionError("body failed")
    except* ZeroDivisionError as eg:
        print(f"{loop.time():.1f}", repr(eg), "cancelled:", sorted(cancelled))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("z"))
            raise KeyError("before any await")
    except* KeyError as eg:
        print(f"{loop.time():.1f}", repr(eg), "cancelled:", sorted(cancelled))


asyncio.run(main())
