# get_nowait()/put_nowait() errors and the exception classes.
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


async def main():
    q = asyncio.Queue(1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e), issubclass(asyncio.QueueEmpty, Exception))
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull as e:
        print("QueueFull", repr(e))
    print(q.get_nowait(), q.empty())
    unbounded = asyncio.Queue(0)
    for i in range(1000):
        unbounded.put_nowait(i)
    print("maxsize 0 never full:", unbounded.full(), unbounded.qsize())
    neg = asyncio.Queue(-5)
    neg.put_nowait("x")
    print("negative maxsize:", neg.maxsize, neg.full())
    lq = asyncio.LifoQueue()
    lq.put_nowait("a")
    print(show(lq))
    print(str(asyncio.Queue(3)))


asyncio.run(main())
