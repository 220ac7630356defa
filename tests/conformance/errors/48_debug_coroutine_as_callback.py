# Debug mode refuses a coroutine function as a callback: the TypeError goes through
# CPython's call_later -> call_at -> _check_callback (call_soon's and call_soon_threadsafe's own).
import asyncio, traceback

async def job():
    pass

async def main():
    loop = asyncio.get_running_loop()
    for f in (lambda: loop.call_later(1, job), lambda: loop.call_at(1, job), lambda: loop.call_soon(job),
              lambda: loop.call_soon_threadsafe(job), lambda: loop.call_later(1, 42)):
        try:
            f()
        except TypeError:
            traceback.print_exc()

asyncio.run(main(), debug=True)
