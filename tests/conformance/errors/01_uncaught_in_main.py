# An exception escaping main(): asyncio.run() re-raises it, the traceback goes to stderr.
import asyncio


async def parse(text):
    await asyncio.sleep(0.1)
    return int(text)


async def main():
    print("parsing 42 ->", await parse("42"))
    print("parsing 'x' ...")
    await parse("x")
    print("never printed")


asyncio.run(main())
print("never printed either")
