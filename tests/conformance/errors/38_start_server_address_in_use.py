import asyncio
async def h(r, w):
    pass
async def main():
    s1 = await asyncio.start_server(h, "127.0.0.1", 8765)
    s2 = await asyncio.start_server(h, "127.0.0.1", 8765)
asyncio.run(main())
