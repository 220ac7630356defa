# repr() of Handle and TimerHandle objects.
import asyncio
import functools


def greet(name, punctuation="!"):
    print(f"hello {name}{punctuation}")


async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_soon(greet, "ann")
    print(repr(h))
    t = loop.call_at(10, greet, "bob")
    print(repr(t))
    t.cancel()
    print(repr(t))
    p = loop.call_soon(functools.partial(greet, punctuation="?"), "cy")
    print(repr(p).split(" at 0x")[0].split("(<function")[0])
    b = loop.call_soon(print, "builtin", 1, [2])
    print(repr(b))
    m = loop.call_soon(str.upper, "x")
    print(repr(m))
    await asyncio.sleep(0)
    print(repr(h))


asyncio.run(main())
