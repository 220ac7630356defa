# Course classic: a crawler that discovers links, with a semaphore limiting concurrency.
import asyncio

SITE = {
    "/": ["/a", "/b", "/c"],
    "/a": ["/a/1", "/a/2", "/"],
    "/b": ["/b/1"],
    "/c": [],
    "/a/1": ["/b"],
    "/a/2": [],
    "/b/1": ["/a/1"],
}
LATENCY = {"/": 0.1, "/a": 0.3, "/b": 0.2, "/c": 0.1, "/a/1": 0.2, "/a/2": 0.1, "/b/1": 0.4}


async def fetch(url):
    await asyncio.sleep(LATENCY[url])
    return SITE[url]


async def crawl(start, limit):
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(limit)
    seen = {start}
    order = []

    async def visit(url, tg):
        async with sem:
            links = await fetch(url)
        order.append(url)
        print(f"{loop.time():.1f} visited {url:5} -> {links}")
        for link in links:
            if link not in seen:
                seen.add(link)
                tg.create_task(visit(link, tg))

    async with asyncio.TaskGroup() as tg:
        tg.create_task(visit(start, tg))
    return order


async def main():
    for limit in (1, 3):
        print(f"--- limit {limit}")
        order = await crawl("/", limit)
        print(len(order), "pages")


asyncio.run(main())
