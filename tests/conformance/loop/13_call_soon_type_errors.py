# Outside debug mode call_soon() does not check its callback: a non-callable fails
# only when the loop runs it, and the error goes to the exception handler.
import asyncio


def handler(loop, context):
    print("handler:", context["message"], "|", repr(context["exception"]))


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    h = loop.call_soon(42)
    print("scheduled a non-callable:", type(h).__name__)
    loop.call_soon(print, "next callback still runs")
    await asyncio.sleep(0)
    try:
        loop.call_later("1", print)
    except TypeError as e:
        print("call_later('1') -> TypeError:", e)
    try:
        loop.call_soon(print, "x", end="!")
    except TypeError as e:
        print("TypeError:", e)
    try:
        loop.call_soon()
    except TypeError as e:
        print("TypeError:", e)
    await asyncio.sleep(0)
    print("ok")


asyncio.run(main())
