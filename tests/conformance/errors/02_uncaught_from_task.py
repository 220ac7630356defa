# The error comes from a task awaited by main: the traceback shows both coroutines.
import asyncio


class QuotaExceeded(Exception):
    pass


async def upload(size):
    await asyncio.sleep(0.5)
    if size > 10:
        raise QuotaExceeded(f"{size} MB is over the 10 MB quota")
    return size


async def main():
    t = asyncio.create_task(upload(50))
    print("uploading...")
    await t


asyncio.run(main())
