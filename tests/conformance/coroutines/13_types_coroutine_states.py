import asyncio
import types
import inspect

@types.coroutine
def legacy_sleep(d):
    yield from asyncio.sleep(d).__await__()
    return "legacy done"

@types.coroutine
def raw_yield():
    value = yield
    print("resumed with", value)
    return value

async def main():
    print(await legacy_sleep(0.2))
    print(inspect.iscoroutinefunction(legacy_sleep), asyncio.iscoroutinefunction(legacy_sleep))
    c = main2()
    print(inspect.iscoroutine(c), asyncio.iscoroutine(c), inspect.isawaitable(c))
    print(inspect.getcoroutinestate(c))
    c.close()
    print(inspect.getcoroutinestate(c))
    g = legacy_sleep(1)
    print(type(g).__name__, inspect.isgenerator(g), inspect.isawaitable(g))
    g.close()

async def main2():
    pass

def drive():
    c = raw_yield()
    print(c.send(None))
    try:
        c.send("hi")
    except StopIteration as e:
        print("stop", e.value)

drive()
asyncio.run(main())
