# A background task fails silently while main goes on; only its exception() tells.
import asyncio


async def background():
    await asyncio.sleep(0.1)
    raise PermissionError("cannot write log")


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(background())
    for i in range(3):
        await asyncio.sleep(0.1)
        print(f"{loop.time():.1f} main working, background done? {t.done()}")
    if t.done() and not t.cancelled() and t.exception():
        print("background failed with", repr(t.exception()))


asyncio.run(main())
