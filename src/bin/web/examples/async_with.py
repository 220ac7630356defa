import asyncio
from contextlib import asynccontextmanager


class Connection:
    async def __aenter__(self):
        print("connecting")
        await asyncio.sleep(0.5)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("closing, error:", exc_type.__name__ if exc_type else None)
        await asyncio.sleep(0.5)
        return False


@asynccontextmanager
async def transaction():
    print("begin")
    try:
        yield "tx"
        print("commit")
    except ValueError:
        print("rollback")


async def main():
    async with Connection():
        print("using the connection")
    async with transaction() as tx:
        print("inside", tx)
    async with transaction():
        raise ValueError("oops")


asyncio.run(main())
