# wait() returns the very task objects you passed, so you can map them back.
import asyncio


async def job(n):
    await asyncio.sleep(n / 10)
    return n * n


async def main():
    tasks = {asyncio.create_task(job(n)): n for n in (3, 1, 2)}
    done, pending = await asyncio.wait(tasks, timeout=0.25)
    print("done inputs:", sorted(tasks[t] for t in done))
    print("pending inputs:", sorted(tasks[t] for t in pending))
    done2, _ = await asyncio.wait(pending)
    print("results:", sorted((tasks[t], t.result()) for t in done | done2))


asyncio.run(main())
