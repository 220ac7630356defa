import asyncio
from contextlib import asynccontextmanager, suppress, ExitStack, contextmanager
from dataclasses import dataclass, field

@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)

@asynccontextmanager
async def session(name):
    print(f"open {name}")
    try:
        yield name.upper()
    finally:
        print(f"close {name}")

async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i

async def handle(event):
    match event:
        case {"type": "job", "job": Job(priority=p, name=n)} if p < 3:
            await asyncio.sleep(p / 10)
            return f"urgent {n}"
        case {"type": "job", "job": Job(name=n)}:
            return f"normal {n}"
        case {"type": "tick", "n": int(k)}:
            return [i async for i in ticker(k)]
        case _:
            raise ValueError(f"bad event {event!r}")

async def main():
    loop = asyncio.get_running_loop()
    async with session("db") as s:
        print("in", s)
        events = [{"type": "job", "job": Job(1, "a")}, {"type": "job", "job": Job(5, "b")},
                  {"type": "tick", "n": 3}, {"type": "oops"}]
        results = await asyncio.gather(*(handle(e) for e in events), return_exceptions=True)
        for r in results:
            print(f"{loop.time():.1f}", repr(r))
    with suppress(ZeroDivisionError):
        1 / 0
    with ExitStack() as stack:
        for n in ("x", "y"):
            @contextmanager
            def cm(n=n):
                print("enter", n)
                yield
                print("exit", n)
            stack.enter_context(cm())
        print("body")
    q = asyncio.PriorityQueue()
    for j in (Job(3, "c"), Job(1, "a"), Job(2, "b")):
        q.put_nowait(j)
    while not q.empty():
        print(q.get_nowait())
    try:
        async with asyncio.timeout(0.25):
            async for i in ticker(10):
                print("tick", i)
    except TimeoutError:
        print(f"timed out at {loop.time():.2f}")

asyncio.run(main())
