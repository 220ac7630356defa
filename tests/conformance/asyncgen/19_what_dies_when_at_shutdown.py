# What dies when: a cancelled task dropped from a list, a failed task whose exception was
# retrieved, an async generator left suspended when main returns (closed by the finalizer hook's
# aclose() task, which asyncio.run's shutdown cancels: its locals live with that CancelledError).
import asyncio

class Res:
    def __init__(self, n): self.n = n
    def __del__(self): print("del Res", self.n)

async def forever(n):
    r = Res(n)
    try:
        await asyncio.sleep(100)
    finally:
        print("finally", n)

async def agen():
    r = Res("agen")
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")

async def fail():
    r = Res("fail")
    await asyncio.sleep(0)
    raise ValueError("x")

async def main():
    a = agen()
    print(await a.__anext__())
    tasks = [asyncio.create_task(forever(i)) for i in range(2)]
    await asyncio.sleep(0)
    tasks[0].cancel()
    await asyncio.sleep(0)
    print("t0", tasks[0].cancelled())
    del tasks[0]
    print("dropped t0")
    t = asyncio.create_task(fail())
    await asyncio.sleep(0.01)
    print("exc", t.exception())
    del t
    print("dropped t")
    tasks[0].cancel()
    await asyncio.sleep(0)
    print("main end")

asyncio.run(main())
print("after run")
