# Tasks finishing in the same iteration are all reported by one FIRST_COMPLETED wait().
import asyncio


async def job(name, t):
    await asyncio.sleep(t)
    return name


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(n, t), name=n) for n, t in (("a", 0.5), ("b", 0.5), ("c", 0.7))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"{loop.time():.1f} done={sorted(t.get_name() for t in done)} pending={sorted(t.get_name() for t in pending)}")
    fut = loop.create_future()
    loop.call_later(0.1, fut.set_result, "f")
    loop.call_later(0.1, tasks[2].cancel)
    done, pending = await asyncio.wait([fut, tasks[2]], return_when=asyncio.FIRST_COMPLETED)
    print(f"{loop.time():.1f} done={len(done)} pending={len(pending)} cancelled={tasks[2].cancelled()}")


asyncio.run(main())
