# wait() argument errors.
import asyncio


async def main():
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    t = asyncio.create_task(asyncio.sleep(0.1))
    try:
        await asyncio.wait([t], return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait(t)
    except TypeError as e:
        print("TypeError:", e)
    done, _ = await asyncio.wait({t})
    print("a set works:", len(done))
    f = asyncio.get_running_loop().create_future()
    f.set_result(1)
    done, pending = await asyncio.wait([f, f])
    print("duplicates collapse:", len(done), len(pending))


asyncio.run(main())
