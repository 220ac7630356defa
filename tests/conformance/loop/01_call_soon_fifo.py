# call_soon() is FIFO; callbacks scheduled by a running callback wait for the next iteration.
import asyncio


def cb(loop, name, depth):
    print(f"{name} (depth {depth})")
    if depth < 2:
        loop.call_soon(cb, loop, name + "'", depth + 1)


async def main():
    loop = asyncio.get_running_loop()
    for name in "ABC":
        loop.call_soon(cb, loop, name, 0)
    print("main: scheduled A, B, C")
    await asyncio.sleep(0)
    print("main: after one sleep(0)")
    await asyncio.sleep(0)
    print("main: after two sleep(0)")
    await asyncio.sleep(0)
    print("main: after three sleep(0)")
    h = loop.call_soon(print, "returns a", "Handle")
    print(type(h).__name__, "cancelled?", h.cancelled())
    await asyncio.sleep(0)


asyncio.run(main())
