# An async generator's locals die when its frame ends: aclose() awaited directly, in a task,
# or through the finalizer hook's task after the last reference is dropped.
import asyncio

class Res:
    def __init__(self, n): self.n = n
    def __del__(self): print("del Res", self.n)

async def agen(n):
    r = Res(n)
    try:
        yield 1
        yield 2
    finally:
        print("agen finally", n)

async def main():
    a = agen("explicit")
    print(await a.__anext__())
    await a.aclose()
    print("after aclose")
    del a
    print("after del a")
    b = agen("task")
    print(await b.__anext__())
    t = asyncio.create_task(b.aclose())
    await t
    print("after task aclose")
    del t
    print("after del t")
    del b
    print("after del b")
    c = agen("dropped")
    print(await c.__anext__())
    del c
    print("after del c")
    await asyncio.sleep(0)
    print("after sleep")
    await asyncio.sleep(0)
    print("main end")

asyncio.run(main())
