# An exception raised inside a coroutine that is driven by hand.
async def fetch(url):
    if not url.startswith("http"):
        raise ValueError(f"bad url: {url!r}")
    return url

async def main():
    return await fetch("ftp://x")

coro = main()
coro.send(None)
