# Task steps and plain callbacks share the ready queue in FIFO order.
import asyncio


async def t(name, n):
    for i in range(n):
        print(f"{name}{i}")
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(t("a", 3))
    loop.call_soon(print, "cb1")
    asyncio.create_task(t("b", 2))
    loop.call_soon(print, "cb2")
    asyncio.create_task(t("c", 1))
    await t("main", 4)


asyncio.run(main())
