import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    if name == "bad":
        raise ValueError(name)
    return name


async def main():
    tasks = [asyncio.create_task(fetch(n, d), name=n) for n, d in [("a", 1), ("bad", 2), ("c", 3)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("done:", sorted(t.get_name() for t in done))
    print("pending:", sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(pending, timeout=0.5)
    print("after 0.5s more:", len(done), "done,", len(pending), "pending")
    for t in pending:
        t.cancel()
    print(await asyncio.gather(*tasks, return_exceptions=True))


asyncio.run(main())
