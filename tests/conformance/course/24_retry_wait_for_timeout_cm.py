import asyncio

attempts = 0

async def flaky():
    global attempts
    attempts += 1
    delay = 1.0 if attempts < 3 else 0.1
    await asyncio.sleep(delay)
    return f"ok after {attempts}"

async def with_retry(retries=5, timeout=0.5):
    for n in range(1, retries + 1):
        try:
            return await asyncio.wait_for(flaky(), timeout=timeout)
        except asyncio.TimeoutError as e:
            print(f"attempt {n} timed out: {e!r} {type(e).__name__} {isinstance(e, TimeoutError)}")
            await asyncio.sleep(0.1 * 2 ** n)
    raise RuntimeError("gave up")

async def main():
    loop = asyncio.get_running_loop()
    t = loop.time()
    print(await with_retry())
    print(f"{loop.time() - t:.3f}")
    try:
        async with asyncio.timeout(0.2) as cm:
            print(cm.expired(), cm.when() is not None)
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timeout block:", repr(e), cm.expired())
    async with asyncio.timeout(None) as cm2:
        cm2.reschedule(loop.time() + 0.05)
        try:
            await asyncio.sleep(0.01)
        finally:
            print("inside ok", cm2.expired())
    print(repr(cm2)[:30])

asyncio.run(main())
