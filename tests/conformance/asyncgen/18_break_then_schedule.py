# Breaking out of async for over a generator, then creating tasks in the same step: the
# finalizer hook (run at the drop in CPython) is scheduled before the new tasks; __aiter__
# returning an async generator; athrow propagating; a two-way asend() conversation.
import asyncio

class Ticker:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self.gen()
    async def gen(self):
        for i in range(self.n):
            await asyncio.sleep(0.1)
            yield i

async def take(agen, k):
    out = []
    async for x in agen:
        out.append(x)
        if len(out) == k:
            break
    return out

async def merge(*gens):
    q = asyncio.Queue()
    async def pump(g):
        async for x in g:
            await q.put(x)
        await q.put(None)
    tasks = [asyncio.create_task(pump(g)) for g in gens]
    done = 0
    while done < len(gens):
        x = await q.get()
        if x is None:
            done += 1
        else:
            yield x
    await asyncio.gather(*tasks)

async def main():
    print(await take(Ticker(5), 3))
    print([x async for x in merge(Ticker(2), Ticker(3))])
    agen = Ticker(3).gen()
    print(await agen.__anext__(), agen.ag_running, agen.ag_code.co_name)
    try:
        await agen.athrow(KeyError)
    except KeyError:
        print("KeyError propagated", agen.ag_running, agen.ag_frame)
    async def echo():
        v = None
        while True:
            v = yield v
            if v == "stop":
                return
    e = echo()
    await e.asend(None)
    print(await e.asend("hi"), await e.asend(3))
    try:
        await e.asend("stop")
    except StopAsyncIteration:
        print("stopped")
    print(asyncio.get_running_loop().time())

asyncio.run(main())
