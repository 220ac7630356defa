import asyncio

def hello(what):
    print('callback says', what)

async def waiter(ev, name):
    print(name, 'waits')
    await ev.wait()
    print(name, 'woke up')

async def main():
    loop = asyncio.get_running_loop()
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, n)) for n in ('w1', 'w2')]
    loop.call_soon(hello, 'hi')
    loop.call_later(0.3, hello, 'later')
    h = loop.call_later(0.2, hello, 'never')
    await asyncio.sleep(0)
    h.cancel()
    await asyncio.sleep(0.5)
    ev.set()
    await asyncio.gather(*tasks)
    sem = asyncio.Semaphore(1)
    async with sem:
        print('in semaphore')

asyncio.run(main())
