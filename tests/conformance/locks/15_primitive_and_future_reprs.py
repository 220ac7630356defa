import asyncio

async def child(ev):
    await ev.wait()
    return "ok"

async def main():
    ev = asyncio.Event()
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    cond = asyncio.Condition()
    def show(*objs):
        # The state part of each repr (the address before it differs from run to run).
        print(*(repr(o).split(" object at ")[0] + " " + repr(o).split("]")[0].split(" [")[-1] for o in objs))
    show(ev, lock, sem, cond)
    t = asyncio.create_task(child(ev), name="kid")
    await asyncio.sleep(0)
    print(t)
    show(ev)
    await lock.acquire()
    w = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    show(lock)
    lock.release()
    await w
    show(lock)
    lock.release()
    async with sem:
        show(sem)
        async with sem:
            show(sem); print(sem.locked())
    ev.set()
    show(ev); print(t)
    await t
    print(t)
    f = asyncio.get_running_loop().create_future()
    print(f)
    f.set_result([1, 2])
    print(f)
    f2 = asyncio.get_running_loop().create_future()
    f2.set_exception(ValueError("bad"))
    print(f2)
    f2.exception()
    f3 = asyncio.get_running_loop().create_future()
    f3.cancel(msg="stop it")
    print(f3)
    t2 = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    print(t2)
    t2.cancel("bye")
    print(t2)
    try:
        await t2
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)
    print(t2)

asyncio.run(main())
