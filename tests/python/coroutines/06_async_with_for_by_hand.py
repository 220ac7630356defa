# async with / async for inside coroutines, driven by hand without asyncio.
import types
@types.coroutine
def tick(label):
    got = yield label
    return got
class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("aenter", self.name, await tick("enter"))
        return self
    async def __aexit__(self, et, e, tb):
        print("aexit", self.name, et.__name__ if et else None)
        return False
class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await tick(f"next {self.n}")
        return self.n
async def main():
    async with Resource("db") as r:
        print("using", r.name)
        items = []
        async for v in Countdown(3):
            items.append(v)
        print("items", items)
    try:
        async with Resource("fails"):
            raise ValueError("inside async with")
    except ValueError as e:
        print("caught", e)
    return "main done"
coro = main()
reply = None
step = 0
while True:
    try:
        request = coro.send(reply)
    except StopIteration as e:
        print("result:", e.value)
        break
    step += 1
    print(f"step {step}: {request}")
    reply = f"r{step}"
async def agen(n):
    for i in range(n):
        await tick(i)
        yield i * 10
async def consume():
    return [x async for x in agen(3)]
c = consume()
try:
    while True:
        print("agen yielded to driver:", c.send(None))
except StopIteration as e:
    print("collected", e.value)
