# set_exception() accepts a class or an instance; StopIteration is refused.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_exception(KeyError)               # a class is instantiated
    print("exception():", repr(f.exception()))
    try:
        await f
    except KeyError as e:
        print("await raised", repr(e))
    for exc in (StopIteration, StopIteration("v")):
        g = loop.create_future()
        try:
            g.set_exception(exc)
        except TypeError as e:
            print("TypeError:", e)
        print("still pending?", not g.done())
    h = loop.create_future()
    err = ConnectionError("reset")
    h.set_exception(err)
    print("same object:", h.exception() is err)
    try:
        h.result()
    except ConnectionError as e:
        print("result() raised the same object:", e is err)


asyncio.run(main())
