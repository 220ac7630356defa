# A done callback that raises is reported by the exception handler; other callbacks still run.
import asyncio


def boom(fut):
    raise RuntimeError("callback failed")


def fine(fut):
    print("fine callback sees", fut.result())


def handler(loop, context):
    print("handler:", context["message"].split(" at ")[0], "|", repr(context["exception"]))


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    fut = loop.create_future()
    fut.add_done_callback(boom)
    fut.add_done_callback(fine)
    fut.set_result(5)
    await asyncio.sleep(0)
    print("main continues")


asyncio.run(main())
