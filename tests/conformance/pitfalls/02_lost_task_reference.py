# Fire-and-forget tasks still run to completion even without a reference
# (the loop keeps them alive while they are scheduled), but main must outlive them.
import asyncio

background = set()


async def job(name, t):
    await asyncio.sleep(t)
    print(f"job {name} finished")


async def main():
    asyncio.create_task(job("no-ref", 0.1))
    t = asyncio.create_task(job("kept", 0.2))
    background.add(t)
    t.add_done_callback(background.discard)
    asyncio.create_task(job("too-slow", 5))        # main ends first: cancelled at shutdown
    await asyncio.sleep(1)
    print("background left:", len(background))


asyncio.run(main())
print("run finished")
