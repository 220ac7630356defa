# Semaphore: waiters are served in FIFO order; value and locked().
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


async def worker(sem, name, t, loop):
    async with sem:
        print(f"{loop.time():.1f} {name} in  (locked={sem.locked()})")
        await asyncio.sleep(t)
    print(f"{loop.time():.1f} {name} out")


async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(2)
    print(show(sem))
    await asyncio.gather(*(worker(sem, n, t, loop) for n, t in
                           (("a", 1), ("b", 0.5), ("c", 0.2), ("d", 0.3), ("e", 0.1))))
    print(show(sem))
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
