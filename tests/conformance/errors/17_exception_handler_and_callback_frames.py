# set_exception_handler and call_exception_handler, then the default handler logging a callback
# error: its traceback starts in events.py's Handle._run, as CPython's does.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    def handler(loop, context):
        print("handler:", sorted(context), context["message"])
    loop.set_exception_handler(handler)
    async def boom():
        raise ValueError("x")
    t = asyncio.create_task(boom())
    await asyncio.sleep(0)
    del t
    await asyncio.sleep(0)
    loop.call_soon(lambda: 1/0)
    await asyncio.sleep(0)
    loop.set_exception_handler(None)
    loop.call_soon(lambda: [][1])
    await asyncio.sleep(0)
    print(loop.get_exception_handler())
    loop.call_exception_handler({"message": "custom thing", "extra": 5})
    print("done")

asyncio.run(main())
