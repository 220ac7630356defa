import asyncio


async def save(data):
    print("saving", data)
    await asyncio.sleep(2)
    print("saved", data)
    return "ok"


async def main():
    inner = asyncio.create_task(save("report"))
    try:
        # The timeout cancels the shield, not the task inside it.
        await asyncio.wait_for(asyncio.shield(inner), timeout=1)
    except asyncio.TimeoutError:
        print("timed out waiting, but the save goes on")
    print("inner result:", await inner)


asyncio.run(main())
