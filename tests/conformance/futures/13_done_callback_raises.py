import asyncio

def cb(fut):
    print("cb sees", fut.result())
    raise RuntimeError("oops in done callback")

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(cb)
    f.add_done_callback(lambda f: print("second cb"))
    f.set_result(5)
    await asyncio.sleep(0)
    h = loop.call_later(1, print, "never")
    print(h)
    h.cancel()
    print(h, h.cancelled())
    h2 = loop.call_soon(print, "soon", 1)
    print(h2)
    await asyncio.sleep(0)
    t = loop.call_at(loop.time() + 2, print, "at")
    print(t.when(), t)
    await asyncio.sleep(3)

asyncio.run(main())
