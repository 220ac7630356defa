# asend()/aclose() objects handed to create_task/gather are driven by the Task through their
# send/throw/close methods; throw before the first send, reuse and 'already running' errors.
import asyncio

async def ticker():
    try:
        for i in range(5):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print("ticker finally")

async def main():
    g = ticker()
    t = asyncio.create_task(anext(g))
    print(t)
    print(await t)
    t2 = asyncio.create_task(g.asend(None))
    await asyncio.sleep(0)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("t2 cancelled", g.ag_running)
    t3 = asyncio.create_task(g.aclose())
    t3.cancel()
    try:
        print(await t3)
    except asyncio.CancelledError:
        print("t3 cancelled")
    print(g.ag_running)
    op = g.asend(None)
    print(type(op).__name__, callable(op.send), callable(op.throw), callable(op.close))
    try:
        op.send(None)
    except StopIteration as e:
        print("StopIteration", e.value)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    g2 = ticker()
    print(await asyncio.gather(anext(g2), return_exceptions=True))
    op = g2.asend(None)
    try:
        op.send(None)
    except StopIteration as e:
        print("value via StopIteration:", e.value)
    op.close()
    try:
        op.send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)
    th = g2.athrow(ValueError("v"))
    try:
        th.send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("done")

asyncio.run(main())
