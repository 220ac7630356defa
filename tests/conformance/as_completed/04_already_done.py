# as_completed() with futures that are already finished and one that fails.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    done1 = loop.create_future()
    done1.set_result("done first")
    later = loop.create_future()
    loop.call_later(0.5, later.set_result, "later")
    task = asyncio.create_task(asyncio.sleep(0.2, "task"))
    for fut in asyncio.as_completed([later, task, done1]):
        value = await fut
        print(f"{loop.time():.1f} {value}")


asyncio.run(main())
