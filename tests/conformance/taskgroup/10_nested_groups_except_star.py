import asyncio

async def boom(n, d):
    await asyncio.sleep(d)
    raise ValueError(f"boom {n}")

async def slow(n):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"slow {n} cancelled")
        raise

async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(boom("inner", 0.2))
        tg.create_task(slow("inner"))

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            t1 = tg.create_task(inner_group())
            t2 = tg.create_task(boom("outer", 0.5))
            t3 = tg.create_task(slow("outer"))
    except* ValueError as eg:
        print("caught", repr(eg))
        for e in eg.exceptions:
            print(" -", type(e).__name__, e)
    print(t1.done(), t2.done(), t3.cancelled())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom(1, 0.1))
            raise KeyError("body")
    except* KeyError as eg:
        print("body error", eg.exceptions)
    except* ValueError as eg:
        print("child error", eg.exceptions)
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(asyncio.sleep(i / 10, result=i)) for i in range(3)]
    print([t.result() for t in ts])
    eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ExceptionGroup("sub", [ValueError(3)])])
    print(eg.subgroup(lambda e: isinstance(e, ValueError)))
    print(eg.split(TypeError))
    print(eg.derive([KeyError()]))

asyncio.run(main())
