# Cancelling a semaphore waiter does not lose a permit.
import asyncio


def show(obj):
    """repr() without the memory address, which changes from run to run."""
    out = []
    for word in repr(obj).split(" "):
        if word.startswith("0x"):
            out.pop()                    # the "at" before the address
            if word.endswith(">"):
                out[-1] += ">"
            continue
        out.append(word)
    return " ".join(out)


async def worker(sem, name, loop):
    try:
        async with sem:
            print(f"{loop.time():.1f} {name} acquired")
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"{loop.time():.1f} {name} cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(1)
    tasks = [asyncio.create_task(worker(sem, n, loop)) for n in ("w1", "w2", "w3", "w4")]
    await asyncio.sleep(0.5)
    tasks[1].cancel()
    await asyncio.sleep(0.5)          # w1 releases now and w3 is woken...
    tasks[2].cancel()                 # ...but cancelled before it runs
    await asyncio.gather(*tasks, return_exceptions=True)
    print(f"{loop.time():.1f}", show(sem))


asyncio.run(main())
