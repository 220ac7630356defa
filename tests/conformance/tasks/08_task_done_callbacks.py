# Done callbacks on tasks run after the task finishes, in order, one loop iteration later.
import asyncio


async def job(x):
    await asyncio.sleep(x)
    return x * 10


def report(tag):
    def cb(task):
        state = "cancelled" if task.cancelled() else repr(task.result())
        print(f"  [{tag}] {task.get_name()} -> {state}")
    return cb


async def main():
    t = asyncio.create_task(job(1), name="job1")
    t.add_done_callback(report("A"))
    t.add_done_callback(report("B"))
    r = await t
    print("main resumed with", r)
    await asyncio.sleep(0)
    c = asyncio.create_task(job(1), name="job2")
    c.add_done_callback(report("C"))
    await asyncio.sleep(0.5)
    c.cancel()
    await asyncio.sleep(0)
    print("after one iteration")
    await asyncio.sleep(0)
    print("after two iterations")


asyncio.run(main())
