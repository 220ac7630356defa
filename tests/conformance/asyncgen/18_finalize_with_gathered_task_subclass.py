# A generator held by a gathered anext() task is finalized when gather's outer future lets the
# task go (after the step that awaited it), with Task subclass finalizers showing who dies when.
import asyncio

class MyTask(asyncio.Task):
    def __del__(self):
        print("del", self.get_name())
        super().__del__()

async def ticker(name):
    try:
        for i in range(5):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print(f"  {name} finally")

async def via_gather():
    g = ticker("gather")
    print("gather got", await asyncio.gather(anext(g), asyncio.sleep(0, "slept")))
    print("via_gather done")

async def main():
    asyncio.get_running_loop().set_task_factory(lambda loop, coro: MyTask(coro, loop=loop))
    await asyncio.create_task(via_gather())
    await asyncio.sleep(0.5)
    print("main done")

asyncio.run(main())
