# Context capture in asyncio: call_soon/call_later copy the caller's context, done callbacks
# copy it when added, each task keeps its own copy across awaits, context= overrides.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default="unset")


def report(label):
    print(f"{label}: {var.get()}")


async def worker(name, delay):
    var.set(name)
    await asyncio.sleep(delay)
    report(f"after sleep {name}")
    return var.get()


async def main():
    loop = asyncio.get_running_loop()
    var.set("main-1")
    loop.call_soon(report, "call_soon")
    loop.call_later(0.2, report, "call_later")
    var.set("main-2")
    fut = loop.create_future()
    fut.add_done_callback(lambda f: report("done callback"))
    var.set("main-3")
    loop.call_soon(fut.set_result, None)
    a = asyncio.create_task(worker("A", 0.3))
    b = asyncio.create_task(worker("B", 0.1))
    print(await asyncio.gather(a, b), var.get())
    ctx = contextvars.Context()
    loop.call_soon(report, "empty context", context=ctx)
    t = asyncio.create_task(worker("C", 0), context=ctx)
    await t
    print(ctx[var])

    async def setter():
        var.set("from-child")

    await asyncio.create_task(setter())
    report("parent after child task")
    await setter()
    report("parent after awaiting coroutine")


asyncio.run(main())
