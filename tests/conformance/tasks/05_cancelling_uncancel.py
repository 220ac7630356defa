# Task.cancelling() counts pending cancel requests; uncancel() decrements it.
import asyncio


async def stubborn():
    me = asyncio.current_task()
    for round in range(3):
        try:
            await asyncio.sleep(1)
            print(f"round {round}: slept fine")
        except asyncio.CancelledError:
            print(f"round {round}: cancelled, cancelling() = {me.cancelling()}")
            left = me.uncancel()
            print(f"round {round}: uncancel() -> {left}")
    return "survived"


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.5)
    t.cancel()
    t.cancel()
    print("main: cancelling() after two cancel() calls:", t.cancelling())
    await asyncio.sleep(1)
    t.cancel()
    print("main: result", await t, "| cancelling():", t.cancelling(), "| cancelled():", t.cancelled())


asyncio.run(main())
