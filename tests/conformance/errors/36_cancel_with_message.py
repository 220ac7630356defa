import asyncio
async def main():
    t = asyncio.current_task()
    asyncio.get_running_loop().call_later(0.1, t.cancel, "stop now")
    await asyncio.sleep(1)
asyncio.run(main())
