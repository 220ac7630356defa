# Late binding of loop variables in coroutines created in a loop.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    callbacks = []
    for i in range(3):
        loop.call_soon(lambda: callbacks.append(("lambda", i)))
        loop.call_soon(lambda i=i: callbacks.append(("default", i)))
    await asyncio.sleep(0)
    print(callbacks)

    async def show(x):
        await asyncio.sleep(0)
        return x

    coros = [show(i) for i in range(3)]          # each coroutine captured its argument
    print(await asyncio.gather(*coros))


asyncio.run(main())
