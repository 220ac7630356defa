# A syntax error: nothing runs, stdout stays empty.
import asyncio

print("never printed")


async def main():
    await asyncio.sleep(1
    print("missing parenthesis above")
