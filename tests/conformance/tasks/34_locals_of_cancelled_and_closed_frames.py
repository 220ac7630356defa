# Locals of frames ended by CancelledError (wait_for, timeout, TaskGroup) or GeneratorExit
# (close) live with that exception, as CPython's frames do.
import asyncio

class Res:
    def __init__(self, n): self.n = n
    def __del__(self): print("del Res", self.n)

async def slow(n):
    r = Res(n)
    try:
        await asyncio.sleep(10)
    finally:
        print("finally", n)

def gen():
    r = Res("gen")
    yield 1
    yield 2

async def main():
    try:
        await asyncio.wait_for(slow("wait_for"), 0.1)
    except asyncio.TimeoutError:
        print("timeout")
    print("after wait_for")
    try:
        async with asyncio.timeout(0.1):
            await slow("timeout_cm")
    except TimeoutError:
        print("timeout cm")
    print("after timeout cm")
    g = gen()
    next(g)
    g.close()
    print("after close")
    g = gen()
    next(g)
    del g
    print("after del g")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow("tg1"))
            await asyncio.sleep(0.1)
            raise ValueError("boom")
    except* ValueError:
        print("eg")
    print("after tg")
    await asyncio.sleep(0)
    print("end main")

asyncio.run(main())
print("end")
