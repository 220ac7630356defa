# An unfinished async generator still referenced at the end is closed by asyncio.run()
# at shutdown; one whose last reference is dropped is closed right away (via a task
# created by the loop's finalizer hook).
# (With several unfinished generators the shutdown order follows a WeakSet, i.e. memory
# addresses, so a conformance case keeps only one.)
import asyncio


async def gen(name):
    try:
        yield name
        yield name * 2
    finally:
        print(f"  closing {name}")


keep = []


async def main():
    g = gen("kept")
    print(await anext(g))
    keep.append(g)
    d = gen("dropped")
    print(await anext(d))
    del d                              # refcount hits zero: finalizer schedules aclose()
    print("after del")
    await asyncio.sleep(0)
    print("after one sleep(0)")
    await asyncio.sleep(0)
    print("main done")


asyncio.run(main())
print("after run")
