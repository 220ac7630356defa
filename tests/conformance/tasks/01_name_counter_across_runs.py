# Task names come from one global counter: asyncio.run() itself creates tasks too.
import asyncio


async def child():
    return asyncio.current_task().get_name()


async def main(label):
    me = asyncio.current_task().get_name()
    names = [await asyncio.create_task(child()) for _ in range(2)]
    named = asyncio.create_task(child(), name="custom")
    numbered = asyncio.create_task(child(), name=123)
    print(label, me, names, await named, repr(await numbered))
    t = asyncio.create_task(child())
    t.set_name(("a", 1))
    print(label, "set_name with a tuple ->", repr(t.get_name()))
    await t
    t2 = asyncio.create_task(child())
    print(label, "next automatic name:", t2.get_name())
    await t2


asyncio.run(main("first run:"))
asyncio.run(main("second run:"))
loop = asyncio.new_event_loop()
print("loop.create_task:", loop.create_task(child()).get_name())
loop.run_until_complete(asyncio.sleep(0))
loop.close()
