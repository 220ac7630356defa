# Cancelling a blocked get() does not lose items; getters are served FIFO.
import asyncio


async def getter(q, name, loop):
    try:
        item = await q.get()
        print(f"{loop.time():.1f} {name} got {item}")
    except asyncio.CancelledError:
        print(f"{loop.time():.1f} {name} cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    gs = [asyncio.create_task(getter(q, f"g{i}", loop)) for i in range(4)]
    await asyncio.sleep(1)
    gs[0].cancel()
    q.put_nowait("first")
    await asyncio.sleep(0)
    q.put_nowait("second")
    gs[2].cancel()                      # g2 was woken for "second", but is cancelled
    await asyncio.sleep(1)
    q.put_nowait("third")
    await asyncio.gather(*gs, return_exceptions=True)
    print("left in queue:", q.qsize())


asyncio.run(main())
