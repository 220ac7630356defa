# Async generators cannot return a value; StopAsyncIteration inside becomes RuntimeError.
import asyncio

src = "async def g():\n    yield 1\n    return 5\n"
try:
    compile(src, "<string>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)


async def leaky():
    yield 1
    raise StopAsyncIteration


async def main():
    g = leaky()
    print(await anext(g))
    try:
        await anext(g)
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
