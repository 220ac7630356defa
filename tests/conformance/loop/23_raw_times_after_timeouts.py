# Raw float times after timeouts, wait_for and call_later chains.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.3)
    except TimeoutError:
        print("after wait_for 0.3:", loop.time())
    try:
        async with asyncio.timeout(0.7):
            await asyncio.sleep(1)
    except TimeoutError:
        print("after timeout 0.7:", loop.time())
    fut = loop.create_future()

    def hop(n):
        if n == 0:
            fut.set_result(loop.time())
        else:
            loop.call_later(0.1, hop, n - 1)

    hop(5)
    print("after 5 hops of 0.1:", await fut)
    await asyncio.sleep(0.05)
    print(loop.time(), loop.time() * 10, round(loop.time(), 1))


asyncio.run(main())
