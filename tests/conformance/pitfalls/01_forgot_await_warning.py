# A coroutine that is never awaited: nothing runs, and Python warns on stderr when the
# coroutine object is destroyed (stdout is unaffected).
import asyncio


async def save(x):
    print("saving", x)              # never printed
    await asyncio.sleep(0.1)


async def main():
    save(1)                          # oops
    print("main: after the forgotten call")
    result = save(2)
    print("bool of a coroutine object is True:", bool(result))
    del result
    await asyncio.sleep(0.2)
    print("main: done")


asyncio.run(main())
