# asyncio's debug mode turns on coroutine origin tracking while the loop runs
# (base_events._set_coroutine_origin_tracking): coroutines made inside record where.
import asyncio
import sys


async def child(n):
    await asyncio.sleep(0.1)
    return n * 2


async def main():
    print("depth while running:", sys.get_coroutine_origin_tracking_depth())
    coro = child(1)
    if coro.cr_origin is None:
        print("no origin")
    else:
        print("innermost frames:", [(name, line) for _, line, name in coro.cr_origin[:2]])
    print("result:", await coro)
    task = asyncio.create_task(child(2))
    origin = task.get_coro().cr_origin
    print("task's coroutine from:", origin and origin[0][2])
    print("result:", await task)


print("depth before:", sys.get_coroutine_origin_tracking_depth())
asyncio.run(main(), debug=True)
print("depth after:", sys.get_coroutine_origin_tracking_depth())
asyncio.run(main())
