# Cancelling a task before it ever ran: its coroutine body never executes.
import asyncio


async def body(name):
    print(f"{name}: started")
    try:
        await asyncio.sleep(1)
    finally:
        print(f"{name}: finally")


async def main():
    t = asyncio.create_task(body("never"))
    print("cancel() ->", t.cancel())
    print("cancelling() =", t.cancelling(), "| done?", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting it raises CancelledError; cancelled?", t.cancelled())
    coro_state = t.get_coro().cr_frame
    print("coroutine frame after cancel:", coro_state)
    t2 = asyncio.create_task(body("started"))
    await asyncio.sleep(0)
    t2.cancel()
    await asyncio.gather(t2, return_exceptions=True)
    print("t2 cancelled?", t2.cancelled())


asyncio.run(main())
