# Future repr abbreviates long callback lists; task names with quotes are repr()'d.
import asyncio


def a(f): pass
def b(f): pass
def c(f): pass
def d(f): pass


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    for cb in (a, b, c, d):
        fut.add_done_callback(cb)
        print(repr(fut))
    fut.set_exception(asyncio.CancelledError("odd"))
    print(repr(fut))
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print("CancelledError via set_exception:", repr(e), "| cancelled()?", fut.cancelled())
    t = asyncio.create_task(asyncio.sleep(0), name="it's \"quoted\"")
    print(repr(t).split(" coro=")[0])
    await t
    print(repr(TimeoutError()), repr(asyncio.CancelledError()), repr(asyncio.InvalidStateError("x")))


asyncio.run(main())
