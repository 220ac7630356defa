# asyncio.Barrier (3.11): parties meet, then all continue; wait() returns an index.
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


async def runner(barrier, name, t, loop):
    await asyncio.sleep(t)
    print(f"{loop.time():.1f} {name} at the barrier (waiting={barrier.n_waiting})")
    idx = await barrier.wait()
    print(f"{loop.time():.1f} {name} passed, index {idx}")


async def main():
    loop = asyncio.get_running_loop()
    barrier = asyncio.Barrier(3)
    print(show(barrier))
    await asyncio.gather(*(runner(barrier, n, t, loop) for n, t in (("a", 0.3), ("b", 0.1), ("c", 0.2))))
    print(show(barrier))
    await barrier.abort()
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("BrokenBarrierError", repr(e))


asyncio.run(main())
