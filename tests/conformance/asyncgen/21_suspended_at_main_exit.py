# A generator main leaves suspended: its aclose() task is cancelled by asyncio.run before it
# starts, so the CancelledError thrown into the generator keeps its locals until gather ends.
import asyncio

class Res:
    def __init__(self, n): self.n = n
    def __del__(self): print("del Res", self.n)

async def agen():
    r = Res("agen")
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")

async def main():
    a = agen()
    print(await a.__anext__())
    print("main end")

asyncio.run(main())
print("after run")
