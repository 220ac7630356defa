import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(None) as cm:
        print(cm.when(), cm.expired())
        cm.reschedule(loop.time() + 1)
        print(cm.when())
        await asyncio.sleep(0.5)
    print("expired?", cm.expired())
    try:
        async with asyncio.timeout(1) as cm:
            await asyncio.sleep(0.5)
            cm.reschedule(loop.time() + 0.2)
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timeout", type(e).__name__, cm.expired(), loop.time())
    try:
        async with asyncio.timeout(1) as outer:
            try:
                async with asyncio.timeout(0.3) as inner:
                    await asyncio.sleep(2)
            except TimeoutError:
                print("inner fired", inner.expired(), outer.expired(), loop.time())
            await asyncio.sleep(2)
    except TimeoutError:
        print("outer fired", outer.expired(), loop.time())
    async with asyncio.timeout_at(loop.time() - 1) as cm:
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError:
            print("cancelled inside")
            raise
    print("never")

try:
    asyncio.run(main())
except TimeoutError as e:
    print("escaped", repr(e))
