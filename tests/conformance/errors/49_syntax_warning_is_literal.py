# Comparing with `is` against a literal: CPython's compiler warns (SyntaxWarning on stderr,
# before anything runs), once per comparison; an assert on a parenthesised tuple too.
import asyncio


async def fetch(n):
    await asyncio.sleep(0.1)
    return "ok, done" if n else ""


async def main():
    t = asyncio.create_task(fetch(1))
    r = await t
    if r is "":
        print("empty")
    print(r is not "", r is None, t.done() is True, r is -1 is None)
    assert (r, "must not be empty")
    status = (200, "OK")
    print(status is (200, "OK"), status is not ())

asyncio.run(main())
