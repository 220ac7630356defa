# @asyncio.coroutine generator-based coroutines, as Python 3.10 ran them (3.11 removed the
# decorator; loopscope keeps it with a note on stderr). Expected output: python3.10.
import asyncio


@asyncio.coroutine
def old_style(name, delay):
    print(f"{name} starts")
    yield from asyncio.sleep(delay)
    result = yield from new_style(name)
    return result


async def new_style(name):
    await asyncio.sleep(0.1)
    return name.upper()


async def main():
    print(asyncio.iscoroutinefunction(old_style))
    r = await old_style("a", 0.5)
    print(r, f"{asyncio.get_running_loop().time():.2f}")
    print(await asyncio.gather(old_style("b", 0.2), old_style("c", 0.1)))
    t = asyncio.ensure_future(old_style("d", 0.1))
    print(await t, f"{asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
