# Two timers due in the same iteration: the first one cancels the second, which then
# does not run even though it was already moved to the ready queue.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    handles = {}

    def first():
        print("first runs, cancels second")
        handles["second"].cancel()

    loop.call_later(1, first)
    handles["second"] = loop.call_later(1, print, "second (never)")
    loop.call_later(1, print, "third still runs")
    h = loop.call_soon(print, "soon (never)")
    loop.call_soon(h.cancel)
    loop.call_soon(print, "soon 3")
    await asyncio.sleep(2)


asyncio.run(main())
