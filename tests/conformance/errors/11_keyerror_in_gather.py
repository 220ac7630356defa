# The first error of a gather escapes main; the other children are left running.
import asyncio


async def lookup(table, key, t):
    await asyncio.sleep(t)
    print("lookup", key)
    return table[key]


async def main():
    table = {"a": 1}
    await asyncio.gather(lookup(table, "a", 0.1), lookup(table, "zzz", 0.2), lookup(table, "a", 0.3))


asyncio.run(main())
