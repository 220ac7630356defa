# Handle and TimerHandle: cancel(), cancelled(), when(), and cancelling from another callback.
import asyncio


def tick(name):
    print(f"tick {name}")


async def main():
    loop = asyncio.get_running_loop()
    h1 = loop.call_soon(tick, "h1")
    h2 = loop.call_soon(tick, "h2")
    h3 = loop.call_soon(tick, "h3")
    h2.cancel()
    h2.cancel()                           # cancelling twice is harmless
    print("h2 cancelled?", h2.cancelled(), "| h1 cancelled?", h1.cancelled())

    t1 = loop.call_later(0.5, tick, "t1")
    t2 = loop.call_later(0.5, tick, "t2")
    t3 = loop.call_later(1.0, tick, "t3")
    loop.call_later(0.2, t3.cancel)       # cancelled by another callback before it is due
    print("when:", t1.when(), t2.when(), t3.when())
    print("TimerHandle < TimerHandle:", t1 < t3, "| t1 == t2:", t1 == t2)
    await asyncio.sleep(0)
    t1.cancel()
    print("t1 cancelled?", t1.cancelled())
    await asyncio.sleep(2)
    print("t3 cancelled?", t3.cancelled())
    h1.cancel()                           # cancelling after it ran: still marks it cancelled
    print("h1 cancelled after running?", h1.cancelled(), h3.cancelled())


asyncio.run(main())
