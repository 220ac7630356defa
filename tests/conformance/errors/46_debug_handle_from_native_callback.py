# Debug mode: a done callback scheduled while a C callback (Future.set_result run by a
# timer) runs was created in CPython's Handle._run: "created at events.py:80", and its stack
# ends in that frame.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(lambda f: {}["missing"])
    loop.call_later(0.1, f.set_result, 1)
    await asyncio.sleep(0.2)
    print(f.result())

asyncio.run(main(), debug=True)
