# After cancellation, a coroutine can still await in finally (cleanup takes time).
import asyncio


async def connection(loop):
    try:
        print(f"{loop.time():.1f} connected")
        await asyncio.sleep(10)
    finally:
        print(f"{loop.time():.1f} closing...")
        await asyncio.sleep(0.5)
        print(f"{loop.time():.1f} closed")


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(connection(loop))
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.sleep(0.1)
    print(f"{loop.time():.1f} cancelled yet? {t.cancelled()} done? {t.done()}")
    t.cancel()                          # a second cancel hits the cleanup sleep
    await asyncio.gather(t, return_exceptions=True)
    print(f"{loop.time():.1f} cancelled? {t.cancelled()}")


asyncio.run(main())
