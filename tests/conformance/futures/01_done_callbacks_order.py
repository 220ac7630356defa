# Done callbacks run in registration order, each via call_soon (never synchronously).
import asyncio


def cb(name):
    def callback(fut):
        print(f"  {name}: fut done with {fut.result()!r}")
    return callback


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    for name in ("first", "second", "third"):
        fut.add_done_callback(cb(name))
    loop.call_soon(print, "  call_soon scheduled before set_result")
    print("set_result")
    fut.set_result(7)
    print("set_result returned: no callback has run yet")
    loop.call_soon(print, "  call_soon scheduled after set_result")
    fut.add_done_callback(cb("late"))      # already done: scheduled right away
    await asyncio.sleep(0)
    print("after one iteration")
    await asyncio.sleep(0)


asyncio.run(main())
