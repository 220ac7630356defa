# Lock: acquire/release, locked(), release of an unlocked lock, and FIFO handover.
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


async def user(lock, name, loop):
    async with lock:
        print(f"{loop.time():.1f} {name} holds the lock")
        await asyncio.sleep(0.5)


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    print(show(lock), lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("acquire ->", await lock.acquire(), show(lock))
    tasks = [asyncio.create_task(user(lock, n, loop)) for n in "ABC"]
    await asyncio.sleep(0)
    print(show(lock))
    lock.release()
    await asyncio.gather(*tasks)
    print(f"{loop.time():.1f}", show(lock))


asyncio.run(main())
