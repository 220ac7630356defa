# remove_done_callback() removes every registration of that callback and returns the count.
import asyncio


def a(fut):
    print("a called")


def b(fut):
    print("b called")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(a)
    fut.add_done_callback(b)
    fut.add_done_callback(a)
    fut.add_done_callback(a)
    print("removed a:", fut.remove_done_callback(a))
    print("removed a again:", fut.remove_done_callback(a))
    print("removed print:", fut.remove_done_callback(print))
    fut.set_result(None)
    print("removed b after set_result:", fut.remove_done_callback(b))
    await asyncio.sleep(0)
    print("nothing ran")
    fut2 = loop.create_future()
    fut2.add_done_callback(b)
    fut2.cancel()
    await asyncio.sleep(0)


asyncio.run(main())
