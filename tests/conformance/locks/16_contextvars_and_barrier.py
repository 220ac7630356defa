import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")

async def handler(n):
    request_id.set(f"req-{n}")
    await asyncio.sleep(0.1 * n)
    print("handler", n, "sees", request_id.get())
    await sub()

async def sub():
    print("  sub sees", request_id.get())

def cb(tag):
    print("callback", tag, "sees", request_id.get())

async def worker(b, n):
    print("worker", n, "arrives")
    await asyncio.sleep(n * 0.1)
    idx = await b.wait()
    print("worker", n, "passes with index", idx, b.n_waiting)

async def main():
    request_id.set("main")
    await asyncio.gather(handler(1), handler(2))
    print("main still", request_id.get())
    loop = asyncio.get_running_loop()
    ctx = contextvars.copy_context()
    ctx.run(request_id.set, "in-ctx")
    loop.call_soon(cb, "default")
    loop.call_soon(cb, "ctx", context=ctx)
    await asyncio.sleep(0)
    t = asyncio.create_task(sub(), context=ctx)
    await t
    tok = request_id.set("temp")
    request_id.reset(tok)
    print(request_id.get(), tok.old_value, tok.var is request_id)
    b = asyncio.Barrier(3)
    print(repr(b).split(' [')[1])
    await asyncio.gather(*(worker(b, i) for i in range(3)))
    print(repr(b).split(' [')[1])
    await b.abort()
    print(repr(b).split(' [')[1], b.broken)
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        print("BrokenBarrierError", repr(e))

asyncio.run(main())
