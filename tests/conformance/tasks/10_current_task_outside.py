# current_task()/all_tasks() need a running loop; inside callbacks there is no current task.
import asyncio

for fn in (asyncio.current_task, asyncio.all_tasks):
    try:
        fn()
    except RuntimeError as e:
        print(fn.__name__, "-> RuntimeError:", e)


def callback():
    print("in a plain callback, current_task() is", asyncio.current_task())


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(callback)
    await asyncio.sleep(0)
    me = asyncio.current_task()
    print("in main: current_task() is main task?", me is asyncio.current_task(loop))
    print("all_tasks contains me:", me in asyncio.all_tasks())
    done = asyncio.create_task(asyncio.sleep(0))
    await done
    print("finished tasks are not in all_tasks:", done not in asyncio.all_tasks())


asyncio.run(main())
