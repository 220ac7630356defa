# as_completed() collapses duplicates (it builds a set). A generator is refused: in 3.11
# asyncio.iscoroutine() also accepts generators.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(asyncio.sleep(0.1, "t"))
    u = asyncio.create_task(asyncio.sleep(0.2, "u"))
    count = 0
    try:
        asyncio.as_completed(x for x in (t, u))
    except TypeError as e:
        print("TypeError:", e)
    for fut in asyncio.as_completed([t, u, t]):
        print(await fut)
        count += 1
    print("iterations:", count)
    try:
        asyncio.as_completed(t)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
