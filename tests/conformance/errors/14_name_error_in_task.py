# A NameError inside a task awaited by main.
import asyncio


async def report():
    await asyncio.sleep(0.1)
    print("report: computing")
    return totl


async def main():
    print("main: start")
    print(await asyncio.create_task(report()))


asyncio.run(main())
