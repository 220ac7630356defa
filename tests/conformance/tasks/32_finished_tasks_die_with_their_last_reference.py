# A finished task lives as long as what refers to it (CPython's task list is a WeakSet): its
# result dies with it, a Task subclass's __del__ runs, and a cancelled coroutine's locals live
# with the CancelledError the awaiting task's wakeup holds until its step returns.
import asyncio

class Res:
    def __init__(self, n): self.n = n
    def __del__(self): print("del Res", self.n)

class MyTask(asyncio.Task):
    def __del__(self):
        print("del MyTask", self.get_name())
        super().__del__()

async def work(n):
    await asyncio.sleep(0.1)
    return Res(n)

async def cancelled():
    r = Res("local")
    await asyncio.sleep(10)

async def main():
    t = asyncio.create_task(work(1))
    r = await t
    print("got", r.n)
    del r
    print("before del t")
    del t
    print("after del t")
    t2 = asyncio.create_task(cancelled())
    await asyncio.sleep(0)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("cancelled")
    del t2
    print("after del t2")
    loop = asyncio.get_running_loop()
    loop.set_task_factory(lambda loop, coro: MyTask(coro, loop=loop))
    t3 = asyncio.create_task(work(3))
    await t3
    del t3
    print("after del t3")

asyncio.run(main())
print("end")
