# The courses' aiohttp crawler: one ClientSession, a Semaphore capping concurrent requests at
# 2, pages from three simulated hosts, JSON from an API, and the errors aiohttp raises.
import asyncio
import aiohttp
import loopscope.net

loopscope.net.set_latency('python.org', 0.2)
loopscope.net.refuse('localhost:9000')
loopscope.net.set_delay('httpbin.org', 1.0)

URLS = [
    'http://example.com/',
    'http://python.org/',
    'http://python.org/about/',
    'http://localhost:8000/1',
    'http://localhost:8000/2',
]


async def fetch(session, sem, url):
    async with sem:
        loop = asyncio.get_running_loop()
        print(f'{loop.time():.2f} GET {url}')
        async with session.get(url) as resp:
            text = await resp.text()
            title = text.split('<title>')[1].split('</title>')[0]
            print(f'{loop.time():.2f} {resp.status} {url} {title!r}')
            return len(text)


async def main():
    sem = asyncio.Semaphore(2)
    async with aiohttp.ClientSession() as session:
        sizes = await asyncio.gather(*(fetch(session, sem, u) for u in URLS))
        print('sizes:', sizes)
        async with session.get('http://localhost:8000/api/items') as resp:
            print(resp.status, resp.content_type, await resp.json())
        async with session.get('http://example.com/nope') as resp:
            print(resp.status, resp.reason, resp.ok)
            try:
                resp.raise_for_status()
            except aiohttp.ClientResponseError as e:
                print('ClientResponseError:', e.status, e.message)
        try:
            await session.get('http://localhost:9000/')
        except aiohttp.ClientError as e:
            print(type(e).__name__, e)
        try:
            await session.get('http://nosuch.example/')
        except aiohttp.ClientConnectorError as e:
            print(type(e).__name__, e)
        timeout = aiohttp.ClientTimeout(total=0.5)
        print(timeout)
        try:
            await session.get('http://httpbin.org/get', timeout=timeout)
        except asyncio.TimeoutError:
            print(f'{asyncio.get_running_loop().time():.2f} timed out')
        async with session.get('http://httpbin.org/get', params={'q': 'async io'}) as resp:
            doc = await resp.json()
            print(f'{asyncio.get_running_loop().time():.2f}', doc['url'], doc['headers']['User-Agent'])
    print('session closed:', session.closed)

asyncio.run(main())
