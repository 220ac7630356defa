# traceback.format_exc() inside a coroutine: frames from the try statement down, with the
# 3.11 position markers, printed to stdout.
import asyncio
import traceback


async def divide(a, b):
    await asyncio.sleep(0)
    return a / b


async def main():
    try:
        await divide(1, 0)
    except ZeroDivisionError:
        print(traceback.format_exc(), end="")
    try:
        data = {"user": {"name": "ann"}}
        print(data["user"]["age"])
    except KeyError as e:
        print("".join(traceback.format_exception(e)), end="")
    e = ValueError("with a note")
    e.add_note("retry #3 failed")
    print(e.__notes__, "".join(traceback.format_exception_only(e)), end="")


asyncio.run(main())
