# An exception in a callback does not stop the loop: the exception handler reports it.
import asyncio


def bad(n):
    print("bad runs", n)
    return 1 / n


def handler(loop, context):
    print("handler got:", context["message"])
    print("  exception:", repr(context.get("exception")))
    print("  keys:", sorted(context))


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad, 0)          # default handler: logged to stderr
    loop.call_soon(print, "the loop keeps going")
    await asyncio.sleep(0.1)
    print("handler is default?", loop.get_exception_handler() is None)
    loop.set_exception_handler(handler)
    loop.call_soon(bad, 0)
    loop.call_later(0.1, bad, 0)
    loop.call_soon(print, "still going")
    await asyncio.sleep(0.2)
    loop.call_exception_handler({"message": "custom report", "answer": 42})
    loop.set_exception_handler(None)
    print("back to default?", loop.get_exception_handler() is None)
    try:
        loop.set_exception_handler(42)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
