# as_completed() collapses duplicates (it builds a set). A generator is refused (in 3.11
# asyncio.iscoroutine() also accepts generators) -- but only once iteration starts, since
# as_completed() is itself a generator function.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(asyncio.sleep(0.1, "t"))
    u = asyncio.create_task(asyncio.sleep(0.2, "u"))
    count = 0
    it = asyncio.as_completed(x for x in (t, u))
    print("created:", type(it).__name__)
    try:
        next(it)
    except TypeError as e:
        print("TypeError:", e)
    for fut in asyncio.as_completed([t, u, t]):
        print(await fut)
        count += 1
    print("iterations:", count)
    try:
        next(asyncio.as_completed(t))
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
