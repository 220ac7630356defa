# Async generators left unfinished are closed by the loop: when dropped (the finalizer hook
# schedules aclose()) and at asyncio.run()'s shutdown_asyncgens().
import asyncio


async def ticker(name, n):
    try:
        for i in range(n):
            await asyncio.sleep(0.1)
            yield i
    finally:
        print(f"{asyncio.get_running_loop().time():.1f} {name} cleanup")


async def main():
    async for i in ticker("dropped", 5):
        if i == 1:
            break
    print("after break")
    await asyncio.sleep(0.5)
    kept = ticker("kept", 5)
    print(await kept.__anext__())
    done = ticker("exhausted", 2)
    print([i async for i in done])
    print("main returns")
    return kept


result = asyncio.run(main())
print("after run")
