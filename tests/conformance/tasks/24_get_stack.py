# Task.get_stack and print_stack: a suspended task's coroutine frame, the running task's own,
# a failed task's traceback frames; the header goes to stdout and the frames to stderr.
import asyncio
async def inner():
    await asyncio.sleep(1)
async def outer():
    await inner()
async def bad():
    await asyncio.sleep(0)
    raise ValueError("boom")
async def main():
    t = asyncio.create_task(outer())
    b = asyncio.create_task(bad())
    await asyncio.sleep(0)
    st = t.get_stack()
    print(len(st), [(f.f_code.co_name, f.f_lineno) for f in st])
    t.print_stack()
    me = asyncio.current_task()
    print(len(me.get_stack()) >= 1, me.get_stack(limit=1)[0].f_code.co_name)
    await asyncio.sleep(0)
    print([(f.f_code.co_name, f.f_lineno) for f in b.get_stack()])
    b.print_stack()
    t.cancel()
    await asyncio.sleep(0)
    print(t.get_stack())
    t.print_stack()
asyncio.run(main())
