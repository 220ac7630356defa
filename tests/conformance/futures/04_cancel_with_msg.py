# Future.cancel(msg): the message travels in the CancelledError.
import asyncio


async def waiter(fut):
    try:
        await fut
    except asyncio.CancelledError as e:
        print("waiter: CancelledError args =", e.args)
        raise


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    print("cancel ->", fut.cancel(msg="shutting down"))
    print("cancel again ->", fut.cancel(msg="other"))
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print("result() raised CancelledError", e.args)
    try:
        fut.exception()
    except asyncio.CancelledError as e:
        print("exception() raised CancelledError", e.args)
    try:
        await t
    except asyncio.CancelledError as e:
        print("task cancelled:", t.cancelled(), "| args", e.args)
    plain = loop.create_future()
    plain.cancel()
    try:
        plain.result()
    except asyncio.CancelledError as e:
        print("no msg -> args", e.args, "| str", repr(str(e)))
    print("CancelledError is a BaseException, not Exception:",
          issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))


asyncio.run(main())
