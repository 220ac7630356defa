import asyncio


async def slow():
    try:
        print("slow: working")
        await asyncio.sleep(10)
        print("slow: finished")
    except asyncio.CancelledError:
        print("slow: cancelled, cleaning up")
        raise


async def main():
    task = asyncio.create_task(slow())
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: the task was cancelled")
    print("cancelled:", task.cancelled())


asyncio.run(main())
