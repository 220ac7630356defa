import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what

async def main():
    t1 = asyncio.create_task(say_after(1, 'hello'))
    t2 = asyncio.create_task(say_after(2, 'world'))
    lock = asyncio.Lock()
    async with lock:
        await t1
    await t2

asyncio.run(main())
