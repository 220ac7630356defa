# Event: set() wakes every waiter (in wait order); clear() makes new waiters block again.
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


async def waiter(ev, name, loop):
    print(f"{loop.time():.1f} {name} waiting")
    r = await ev.wait()
    print(f"{loop.time():.1f} {name} woke, wait() returned {r}")


async def main():
    loop = asyncio.get_running_loop()
    ev = asyncio.Event()
    print(show(ev), ev.is_set())
    tasks = [asyncio.create_task(waiter(ev, f"w{i}", loop)) for i in range(3)]
    await asyncio.sleep(1)
    ev.set()
    print(show(ev))
    ev.set()
    await asyncio.gather(*tasks)
    print("set already: wait() returns at once:", await ev.wait())
    ev.clear()
    t = asyncio.create_task(waiter(ev, "late", loop))
    await asyncio.sleep(0.5)
    ev.set()
    ev.clear()                         # cleared before the waiter runs: it still wakes
    await t
    print("is_set:", ev.is_set())


asyncio.run(main())
