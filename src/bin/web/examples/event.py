import asyncio


async def waiter(name, event):
    print(name, "waits for the event")
    await event.wait()
    print(name, "goes on")


async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, event)) for n in ("A", "B", "C")]
    await asyncio.sleep(1)
    print("setting the event")
    event.set()  # wakes every waiter at once
    await asyncio.gather(*tasks)


asyncio.run(main())
