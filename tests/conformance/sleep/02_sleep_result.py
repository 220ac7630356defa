# asyncio.sleep(delay, result) returns result after the delay.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.sleep(0.5, result="half a second"), loop.time())
    print(await asyncio.sleep(0, result=[1, 2]), loop.time())
    print(await asyncio.sleep(1), loop.time())
    r = await asyncio.gather(asyncio.sleep(0.2, "a"), asyncio.sleep(0.1, "b"))
    print(r, loop.time())
    print(await asyncio.sleep(delay=0.25, result={"k": 1}), loop.time())


asyncio.run(main())
