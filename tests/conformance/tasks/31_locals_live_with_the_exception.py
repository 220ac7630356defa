# A failing coroutine's locals live as long as its exception: the traceback keeps the frame,
# so they are freed when the except block that caught it ends, or with the task that stored it.
import asyncio

class Res:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)

def f():
    r = Res(1)
    raise ValueError("x")

try:
    f()
except ValueError:
    print("in handler")
print("after")

async def job():
    r = Res(2)
    await asyncio.sleep(0)
    raise KeyError("k")

async def main():
    try:
        await job()
    except KeyError as e:
        print("caught", e)
    print("main continues")
    t = asyncio.create_task(job())
    await asyncio.sleep(0.1)
    print("before exception()")
    print(repr(t.exception()))
    del t
    print("end main")

asyncio.run(main())
