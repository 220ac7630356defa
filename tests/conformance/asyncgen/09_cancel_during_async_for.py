# Cancelling a task while it iterates an async generator: CancelledError is raised inside
# the generator at its await, so its finally runs right away.
import asyncio


async def stream(loop):
    try:
        i = 0
        while True:
            await asyncio.sleep(0.3)
            yield i
            i += 1
    finally:
        print(f"{loop.time():.1f} stream finally")


async def consumer(loop):
    try:
        async for x in stream(loop):
            print(f"{loop.time():.1f} got {x}")
    except asyncio.CancelledError:
        print(f"{loop.time():.1f} consumer cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(consumer(loop))
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled?", t.cancelled())


asyncio.run(main())
