# Cancel a sleeping task with a message; the message reaches the coroutine and the awaiter.
import asyncio


async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(f"sleeper: cancelled with args {e.args}")
        raise


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    print("cancel ->", t.cancel("user pressed stop"))
    print("second cancel ->", t.cancel("another reason"), "| cancelling:", t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print(f"{loop.time():.1f} main: CancelledError args {e.args}")
    print("cancel a done task ->", t.cancel())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("t.result() raises CancelledError", e.args)


asyncio.run(main())
