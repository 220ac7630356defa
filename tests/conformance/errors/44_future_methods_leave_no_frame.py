# Future.set_exception/cancel and Task.set_result/set_exception/cancel are C in CPython:
# an error they raise has no frame of theirs in the traceback (here through a callback the
# loop reports, and uncaught at the end).
import asyncio
import traceback


async def w():
    await asyncio.sleep(0.1)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result(1)
    loop.call_soon(fut.set_exception, KeyError("late"))
    loop.call_later(0.05, fut.set_exception, StopIteration())
    t = asyncio.create_task(w())
    for f in (lambda: t.set_result(1), lambda: t.set_exception(ValueError())):
        try:
            f()
        except RuntimeError:
            traceback.print_exc()
    await t
    print(t.cancel(), fut.cancel())
    f2 = loop.create_future()
    f2.set_exception(StopIteration)

asyncio.run(main())
