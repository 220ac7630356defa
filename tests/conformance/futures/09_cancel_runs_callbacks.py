# cancel() schedules the done callbacks like set_result(); cancel() on a done future is False.
import asyncio


def report(fut):
    print("callback: cancelled?", fut.cancelled(), "done?", fut.done())


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(report)
    loop.call_soon(print, "queued before cancel")
    print("cancel() ->", fut.cancel())
    loop.call_soon(print, "queued after cancel")
    await asyncio.sleep(0)
    done = loop.create_future()
    done.set_result(1)
    print("cancel() on finished ->", done.cancel(), "| cancelled?", done.cancelled())
    print("exception() of a result future:", done.exception())


asyncio.run(main())
