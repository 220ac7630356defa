# wait_for(..., 0): a done future gives its result; anything else times out immediately.
import asyncio


async def instant():
    print("  instant ran")
    return "instant"


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result("ready")
    print(await asyncio.wait_for(f, 0))
    try:
        print(await asyncio.wait_for(instant(), 0))
    except TimeoutError:
        print("coroutine with timeout=0 -> TimeoutError")
    try:
        print(await asyncio.wait_for(instant(), -1))
    except TimeoutError:
        print("negative timeout -> TimeoutError")
    print(await asyncio.wait_for(instant(), 0.001))
    print(loop.time())


asyncio.run(main())
