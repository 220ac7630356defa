# wait(timeout=...) returns what is done so far; it neither raises nor cancels.
import asyncio


async def job(t):
    await asyncio.sleep(t)
    return t


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(t), name=f"t{t}") for t in (1, 2, 3)]
    done, pending = await asyncio.wait(tasks, timeout=1.5)
    print(f"{loop.time():.1f}", sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    print("pending still running:", all(not t.done() for t in pending))
    done, pending = await asyncio.wait(pending, timeout=0)
    print("timeout=0:", len(done), len(pending))
    done, pending = await asyncio.wait(pending)
    print(f"{loop.time():.1f}", sorted(t.result() for t in done), pending)
    done, pending = await asyncio.wait(tasks, timeout=10)
    print(f"{loop.time():.1f} all finished already, no waiting: {len(done)}")


asyncio.run(main())
