import asyncio
async def main():
    print(asyncio.current_task())
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.ensure_future(asyncio.wait_for(fut, 1))
    await asyncio.sleep(0)
    print(fut)
    print(t)
    g = asyncio.gather(asyncio.sleep(0.1))
    await asyncio.sleep(0)
    print(g)
    s = asyncio.shield(asyncio.sleep(0.1))
    print(s)
    await g
    await s
asyncio.run(main())
