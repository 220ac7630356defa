# A custom task factory sees every task the loop creates, including asyncio.run's own.
import asyncio

created = []


def factory(loop, coro, **kwargs):
    task = asyncio.Task(coro, loop=loop, **kwargs)
    created.append(f"{task.get_name()}:{coro.__qualname__}")
    return task


async def child(n):
    await asyncio.sleep(0.1 * n)
    return n


async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(factory)
    print("factory installed:", loop.get_task_factory() is factory)
    print(await asyncio.gather(child(2), child(1)))
    await asyncio.create_task(child(0), name="named")
    print(created)


asyncio.run(main())
print("after run:", created[-2:])
