# Coroutine attributes and inspect states.
import asyncio
import inspect


async def sample():
    await asyncio.sleep(0)
    return "x"


async def main():
    c = sample()
    print(type(c).__name__, c.__name__, c.__qualname__)
    print(inspect.getcoroutinestate(c))
    t = asyncio.create_task(c)
    await asyncio.sleep(0)
    print(inspect.getcoroutinestate(c), "| cr_await is a Future?", asyncio.isfuture(c.cr_await))
    await t
    print(inspect.getcoroutinestate(c))
    print(asyncio.iscoroutinefunction(sample), inspect.iscoroutinefunction(sample),
          inspect.iscoroutine(c), inspect.isawaitable(c))
    print("cr_running inside:", inspect.getcoroutinestate(asyncio.current_task().get_coro()))


asyncio.run(main())
