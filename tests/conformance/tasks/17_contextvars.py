# Each task runs in a copy of the context current when it was created.
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="none")


async def handler(n):
    request_id.set(f"req-{n}")
    await asyncio.sleep(0.1 * (3 - n))
    await log("handled")
    return request_id.get()


async def log(msg):
    print(f"[{request_id.get()}] {msg}")


async def main():
    request_id.set("main")
    results = await asyncio.gather(*(handler(n) for n in range(3)))
    print(results, "| main still sees", request_id.get())
    request_id.set("before-create")
    t = asyncio.create_task(log("task created after set"))
    request_id.set("after-create")
    await t
    ctx = contextvars.copy_context()
    ctx.run(request_id.set, "in-ctx")
    await asyncio.create_task(log("explicit context"), context=ctx)
    asyncio.get_running_loop().call_soon(lambda: print("callback sees", request_id.get()))
    await asyncio.sleep(0)


asyncio.run(main())
