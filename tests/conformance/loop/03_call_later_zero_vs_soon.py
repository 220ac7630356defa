# call_later(0) goes through the timer heap: it runs after callbacks already in the ready queue.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, print, "call_later(0) #1")
    loop.call_soon(print, "call_soon #1")
    loop.call_later(-5, print, "call_later(-5)")
    loop.call_soon(print, "call_soon #2")
    loop.call_at(loop.time(), print, "call_at(now)")

    def chain():
        print("chain: schedules more")
        loop.call_later(0, print, "  chain -> call_later(0)")
        loop.call_soon(print, "  chain -> call_soon")

    loop.call_soon(chain)
    print("main yields")
    await asyncio.sleep(0)
    print("main resumed")
    await asyncio.sleep(0)
    print("main resumed again")
    await asyncio.sleep(0.01)
    print("done")


asyncio.run(main())
