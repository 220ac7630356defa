# The Timeout object's repr shows its state.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    cm = asyncio.timeout(1)
    print(repr(cm))
    async with cm:
        print(repr(cm).replace(str(cm.when()), "<when>"))
    print(repr(cm))
    try:
        async with asyncio.timeout(0.5) as cm2:
            await asyncio.sleep(1)
    except TimeoutError:
        print(repr(cm2))
    try:
        async with cm:
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
