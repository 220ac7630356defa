# When asyncio reports an exception nobody retrieved, or a task destroyed while pending: the
# moment the object dies (Future.__del__ / Task.__del__), between two callbacks of the loop.
# The handler prints to stdout so the order against the script's own prints is checked.
import asyncio


def handler(loop, context):
    what = context.get("task") or context.get("future")
    name = what.get_name() if isinstance(what, asyncio.Task) else type(what).__name__
    print(f"@{loop.time():.1f} handler: {context['message']} ({name}, {context.get('exception')!r})")


async def fail(n):
    await asyncio.sleep(n)
    raise ValueError(f"fail {n}")


async def forever(n):
    try:
        await asyncio.Future()
    finally:
        print("forever", n, "finally")


async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    t = asyncio.create_task(fail(0.1))
    await asyncio.sleep(0.2)
    print("t done:", t.done())
    t = None
    print("dropped t")
    asyncio.create_task(fail(0.3))
    print("created an unreferenced task")
    await asyncio.sleep(0.5)
    print("after the unreferenced one")
    f = asyncio.get_running_loop().create_future()
    f.set_exception(KeyError("k"))
    f = None
    print("future dropped")
    t2 = asyncio.create_task(fail(0.1))
    await asyncio.sleep(0.2)
    print("retrieved:", repr(t2.exception()))
    t2 = None
    print("retrieved then dropped: no report")
    tasks = [asyncio.create_task(fail(0.1)) for _ in range(3)]
    await asyncio.sleep(0.2)
    del tasks
    print("a list of three dropped")
    asyncio.create_task(forever(1))
    await asyncio.sleep(0.1)
    return "main"


loop = asyncio.new_event_loop()
print(loop.run_until_complete(main()))
leftover = loop.create_task(forever(2))
loop.run_until_complete(asyncio.sleep(0.1))
loop.close()
print("closed")
leftover = None
print("end")
