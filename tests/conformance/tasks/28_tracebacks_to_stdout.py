import asyncio
import sys
import traceback

async def inner():
    await asyncio.sleep(0.1)
    raise ValueError("deep")

async def middle():
    await inner()

async def main():
    try:
        await middle()
    except ValueError:
        traceback.print_exc(file=sys.stdout)
    t = asyncio.create_task(middle())
    try:
        await asyncio.wait_for(t, 1)
    except ValueError as e:
        print("".join(traceback.format_exception(e)))
    t2 = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print(traceback.format_exc())
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0.1)
    except TimeoutError:
        traceback.print_exc(file=sys.stdout)
    t3 = asyncio.create_task(middle())
    await asyncio.sleep(0.5)
    t3.print_stack(file=sys.stdout)
    print([(f.f_code.co_name, f.f_lineno) for f in t3.get_stack()])
    t4 = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    t4.print_stack(file=sys.stdout)
    t4.cancel()
    try:
        await t3
    except ValueError:
        pass

asyncio.run(main())
