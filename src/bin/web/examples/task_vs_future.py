import asyncio


async def main():
    loop = asyncio.get_running_loop()

    # A Future is a placeholder: someone else sets its result.
    fut = loop.create_future()
    loop.call_later(1, fut.set_result, "set by a callback")
    print("future:", await fut)

    # A Task is a Future that drives a coroutine: its result is the coroutine's return.
    async def work():
        await asyncio.sleep(1)
        return "returned by the coroutine"

    task = asyncio.create_task(work())
    print("is a Future:", isinstance(task, asyncio.Future))
    print("task:", await task)
    task.add_done_callback(lambda t: print("done callback:", t.result()))
    await asyncio.sleep(0)


asyncio.run(main())
