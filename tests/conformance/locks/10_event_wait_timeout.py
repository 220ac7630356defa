# Waiting for an event with a timeout: wait_for(event.wait(), t).
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    ready = asyncio.Event()
    loop.call_later(2, ready.set)
    for attempt in range(3):
        try:
            await asyncio.wait_for(ready.wait(), timeout=0.8)
            print(f"{loop.time():.1f} event is set")
            break
        except TimeoutError:
            print(f"{loop.time():.1f} attempt {attempt}: not yet")
    print("waiters left:", len(ready._waiters))


asyncio.run(main())
