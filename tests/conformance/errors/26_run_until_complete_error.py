import asyncio
async def bad():
    raise RuntimeError("boom")
loop = asyncio.new_event_loop()
loop.run_until_complete(bad())
