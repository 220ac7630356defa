# A literal that is called or subscripted is almost always a missing comma: CPython's compiler
# warns (SyntaxWarning on stderr, before anything runs) with the literal's type, and the
# script then fails at run time only if the line is reached.
import asyncio

ROUTES = [
    ("/", "index")
    ("/about", "about"),
] if False else [("/", "index"), ("/about", "about")]


async def fetch(path):
    await asyncio.sleep(0.1)
    return f"<{path}>"


async def main():
    pages = await asyncio.gather(*(fetch(p) for p, _ in ROUTES))
    print(pages)
    if not pages:
        print("abc"["x"], [1, 2]["k"], {1, 2}[0], f"{pages}"(1), (lambda: 0)[1])
    try:
        print([(1, 2) (3, 4)])
    except TypeError as e:
        print("TypeError:", e)
    print(pages[0][1:2], "abc"[0], (1, 2)[True])


asyncio.run(main())
