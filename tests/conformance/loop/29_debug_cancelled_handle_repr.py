# Debug mode: a cancelled handle keeps its repr with the callback and arguments (taken at
# cancel(), "cancelled" included); outside debug mode the callback is dropped from it.
import asyncio


def tick(n):
    print("tick", n)


async def main(debug):
    loop = asyncio.get_running_loop()
    h = loop.call_later(0.5, tick, 1)
    s = loop.call_soon(tick, 2)
    print(h)
    h.cancel()
    s.cancel()
    print(h, h.cancelled())
    print(s)
    h.cancel()
    await asyncio.sleep(0.1)
    print(h)

asyncio.run(main(True), debug=True)
asyncio.run(main(False))
