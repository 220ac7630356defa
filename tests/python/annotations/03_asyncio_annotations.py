# A course-style asyncio script with annotations everywhere: a module-level annotated queue
# (module annotations are evaluated), annotated coroutines, tasks and futures.
import asyncio
from collections.abc import Awaitable, Callable

q: asyncio.Queue[int] = asyncio.Queue()
results: dict[str, list[int]] = {}
pending: list[asyncio.Task[None]] = []


async def worker(name: str, q: asyncio.Queue[int]) -> list[str]:
    done: list[str] = []
    while True:
        item: int = await q.get()
        await asyncio.sleep(0.1 * item)
        results.setdefault(name, []).append(item)
        done.append(f"{name}:{item}")
        q.task_done()
        if q.empty():
            return done


async def run(job: Callable[[], Awaitable[int]]) -> int:
    return await job()


async def main() -> None:
    for i in range(1, 5):
        q.put_nowait(i)
    tasks: list[asyncio.Task[list[str]]] = [
        asyncio.create_task(worker(f"w{n}", q)) for n in range(2)
    ]
    await q.join()
    print(await asyncio.gather(*tasks))
    print(results)
    fut: asyncio.Future[str] = asyncio.get_running_loop().create_future()
    fut.set_result("ok")
    print(await fut, asyncio.Future[str], asyncio.Task[int], asyncio.Queue[int])
    print(asyncio.PriorityQueue[tuple[int, str]], asyncio.LifoQueue[str])

    async def seven() -> int:
        return 7

    print(await run(seven))
    print(worker.__annotations__)
    print(run.__annotations__)
    print(__annotations__)


asyncio.run(main())
