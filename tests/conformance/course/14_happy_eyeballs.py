# Staggered connection attempts: start the next one if the previous is slow; first wins.
import asyncio

LATENCY = {"10.0.0.1": 2.0, "10.0.0.2": 0.7, "10.0.0.3": 0.4}


async def attempt(addr, loop):
    print(f"{loop.time():.2f} trying {addr}")
    try:
        await asyncio.sleep(LATENCY[addr])
        return addr
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} abandoned {addr}")
        raise


async def connect(addrs, stagger):
    loop = asyncio.get_running_loop()
    tasks = []
    for addr in addrs:
        tasks.append(asyncio.create_task(attempt(addr, loop)))
        done, _ = await asyncio.wait(tasks, timeout=stagger, return_when=asyncio.FIRST_COMPLETED)
        if done:
            break
    else:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    winner = done.pop().result()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return winner


async def main():
    loop = asyncio.get_running_loop()
    winner = await connect(list(LATENCY), 0.25)
    print(f"{loop.time():.2f} connected to {winner}")


asyncio.run(main())
