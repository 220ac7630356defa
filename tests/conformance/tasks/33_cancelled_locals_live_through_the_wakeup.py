# A cancelled coroutine's locals are kept by its CancelledError: they die when the awaiting
# task's step that caught it returns (task_wakeup holds the exception), not at the except's end.
import asyncio, gc

class Res:
    def __init__(self, n): self.n = n
    def __del__(self): print("del Res", self.n)

async def cancelled():
    r = Res("local")
    await asyncio.sleep(10)

async def main():
    t2 = asyncio.create_task(cancelled())
    await asyncio.sleep(0)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("cancelled")
    print("after except")
    del t2
    print("after del t2")
    await asyncio.sleep(0)
    print("after sleep0")
    await asyncio.sleep(0)
    print("after sleep0 2")
    gc.collect()
    print("after gc")

asyncio.run(main())
print("end")
