# loop.stop() called from a task; run_until_complete() then complains the future is unfinished.
import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)


async def worker():
    print("worker: start")
    await asyncio.sleep(1)
    print("worker: stopping the loop")
    loop.stop()
    await asyncio.sleep(1)
    print("worker: finished")
    return "done"


task = loop.create_task(worker())
try:
    loop.run_until_complete(task)
except RuntimeError as e:
    print("RuntimeError:", e)
print(f"{loop.time():.1f} task done? {task.done()}")
print("result:", loop.run_until_complete(task))
print(f"{loop.time():.1f}")
loop.close()
