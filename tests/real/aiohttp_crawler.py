# The course's aiohttp crawler with a Semaphore, against a local server (port: argv[1]):
# at most 3 requests at once, 6 pages, 200 ms each: about 400 ms (1.2 s one after another).
import asyncio
import sys

import aiohttp

PORT = int(sys.argv[1])


async def fetch(session, sem, url):
    async with sem:
        async with session.get(url) as resp:
            return resp.status, await resp.text()


async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(3)
    async with aiohttp.ClientSession() as session:
        # The first request loads the client's code (slow in a debug build): not timed.
        await fetch(session, sem, f'http://127.0.0.1:{PORT}/warmup')
        t0 = loop.time()
        urls = [f'http://127.0.0.1:{PORT}/page{i}' for i in range(1, 7)]
        pages = await asyncio.gather(*(fetch(session, sem, u) for u in urls))
        elapsed = loop.time() - t0
    for status, text in pages:
        print(status, text)
    print('two rounds:', 0.4 <= elapsed < 0.8)
    print(f'elapsed {elapsed:.3f}', file=sys.stderr)


asyncio.run(main())
