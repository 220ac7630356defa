# gather() with no arguments returns a future that is already done.
import asyncio


async def main():
    g = asyncio.gather()
    print(type(g).__name__, "done?", g.done(), "result:", g.result())
    print("awaited:", await g)
    print("return_exceptions:", await asyncio.gather(return_exceptions=True))
    print("cancel an empty gather:", g.cancel())


asyncio.run(main())
