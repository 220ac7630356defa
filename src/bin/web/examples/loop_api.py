import asyncio


def hello(name, loop):
    print(f"{loop.time():.1f} hello {name}")


loop = asyncio.new_event_loop()
loop.call_soon(hello, "soon", loop)
loop.call_later(2, hello, "later(2)", loop)
loop.call_at(loop.time() + 1, hello, "at(+1)", loop)
loop.call_later(3, loop.stop)
loop.run_forever()  # runs until loop.stop() is called
print("stopped at", loop.time())


async def compute():
    await asyncio.sleep(1)
    return 42


print("run_until_complete:", loop.run_until_complete(compute()))
loop.close()
print("closed:", loop.is_closed())
