# An exception raised in finally replaces the original one (which becomes __context__).
import asyncio


async def main():
    try:
        print("body")
        await asyncio.sleep(0)
        raise ValueError("original")
    finally:
        print("finally")
        raise OSError("cleanup failed")


asyncio.run(main())
