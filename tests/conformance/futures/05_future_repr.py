# repr() of futures in every state.
import asyncio


def on_done(fut):
    pass


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(repr(fut))
    fut.add_done_callback(on_done)
    print(repr(fut))
    fut.add_done_callback(print)
    print(repr(fut))
    fut.set_result("ok")
    print(repr(fut))
    f2 = loop.create_future()
    f2.set_exception(ValueError("bad value"))
    print(repr(f2))
    f2.exception()
    f3 = loop.create_future()
    f3.cancel()
    print(repr(f3))
    f4 = loop.create_future()
    f4.set_result(list(range(30)))
    print(repr(f4))
    f5 = loop.create_future()
    f5.set_result(None)
    print(repr(f5), str(f5))


asyncio.run(main())
