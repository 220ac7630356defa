# A task cannot await itself.
import asyncio


async def selfish():
    me = asyncio.current_task()
    try:
        await me
    except RuntimeError as e:
        print("RuntimeError:", e)
    return "ok"


async def main():
    print(await asyncio.create_task(selfish(), name="selfish"))


asyncio.run(main())
