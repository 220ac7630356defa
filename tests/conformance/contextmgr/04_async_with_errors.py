# Using async with on objects that are not async context managers.
import asyncio
import contextlib


class SyncOnly:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


class BadAexit:
    async def __aenter__(self):
        return self

    def __aexit__(self, *a):           # not async: returns a non-awaitable
        return False


async def main():
    try:
        async with SyncOnly():
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        async with BadAexit():
            print("body ran")
    except TypeError as e:
        print("TypeError:", e)
    async with contextlib.nullcontext("value") as v:
        print("nullcontext works with async with:", v)


asyncio.run(main())
