import asyncio

# Python 3.4-3.10 style: a generator decorated with @asyncio.coroutine, using "yield from".
# CPython 3.11 removed the decorator; loopscope still runs it (with a note on stderr)
# so older course material works.


@asyncio.coroutine
def old_sleep_then(value):
    yield from asyncio.sleep(1)
    return value


async def main():
    print(await old_sleep_then("old style still works"))


asyncio.run(main())
