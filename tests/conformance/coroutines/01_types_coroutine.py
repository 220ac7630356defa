# Generator-based awaitables with @types.coroutine: a bare yield suspends the task once.
import asyncio
import types


@types.coroutine
def bare_yield():
    yield


@types.coroutine
def wait_future(fut):
    result = yield from fut
    return result


async def other():
    print("  other runs")


async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(other())
    print("before bare yield")
    await bare_yield()
    print("after bare yield")
    fut = loop.create_future()
    loop.call_later(0.5, fut.set_result, "via yield from")
    print(await wait_future(fut), loop.time())
    print("is coroutine function?", asyncio.iscoroutinefunction(bare_yield))
    print("awaitable generator:", type(bare_yield()).__name__)


asyncio.run(main())
