import asyncio
import sys
import traceback


async def leaf(n):
    await asyncio.sleep(0.1)
    if n:
        raise KeyError(n)
    print("--- stack inside a task")
    # The oracle's own frames (its runner, and its wrapper of Handle._run when it records
    # handles) are left out: they are not the script's.
    stack = [fs for fs in traceback.extract_stack() if not fs.filename.endswith("oracle.py")]
    traceback.print_list(stack, file=sys.stdout)
    print([(fs.name, fs.lineno) for fs in stack])
    return n


async def branch(n):
    return await leaf(n)


async def main():
    print(await asyncio.create_task(branch(0)))
    try:
        await asyncio.gather(branch(1), branch(0))
    except KeyError as e:
        print("--- format_tb of a gathered failure")
        print("".join(traceback.format_tb(e.__traceback__)), end="")
    t = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        print("--- extract_tb of a CancelledError")
        for fs in traceback.extract_tb(e.__traceback__):
            print(fs.filename, fs.lineno, fs.name, fs.line)
        print("".join(traceback.format_list(traceback.extract_tb(e.__traceback__))), end="")
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0.1)
    except TimeoutError as e:
        print("--- print_tb of a wait_for timeout")
        traceback.print_tb(e.__traceback__, file=sys.stdout)
        print(traceback.format_tb(e.__traceback__) == traceback.format_exception(e)[-len(traceback.format_tb(e.__traceback__)) - 1:-1])


asyncio.run(main())
