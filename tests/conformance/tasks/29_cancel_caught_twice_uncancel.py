import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("caught once, continuing")
    await asyncio.sleep(1)
    return "finished anyway"

async def cleanup():
    try:
        await asyncio.sleep(5)
    finally:
        print("cleanup start")
        await asyncio.sleep(0.5)
        print("cleanup done")

async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    t.cancel()
    print(t.cancelling())
    print(await t, t.cancelled(), t.cancelling())
    c = asyncio.create_task(cleanup())
    await asyncio.sleep(0.1)
    c.cancel("first")
    await asyncio.sleep(0.1)
    c.cancel("second")
    print("cancelling count", c.cancelling())
    try:
        await c
    except asyncio.CancelledError as e:
        print("got", repr(e))
    t3 = asyncio.create_task(asyncio.sleep(1))
    t3.cancel()
    t3.cancel()
    print(t3.cancelling(), t3.uncancel(), t3.cancelling())
    try:
        await t3
    except asyncio.CancelledError:
        print("t3 cancelled before start", t3.cancelled())
    loop = asyncio.get_running_loop()
    print("time", loop.time())

asyncio.run(main())
