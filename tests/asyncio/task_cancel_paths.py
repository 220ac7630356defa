# Cancellation paths: before the first step, while waiting, with a message, caught and
# ignored, requested right before the coroutine returns, uncancel, and through gather/shield.
import asyncio


async def sleeper(name, t=1.0):
    try:
        await asyncio.sleep(t)
        return f"{name} done"
    except asyncio.CancelledError as e:
        print(f"  {name} cancelled, args={e.args}")
        raise


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("  stubborn ignores the cancel")
    await asyncio.sleep(0.5)
    return "stubborn finished"


async def returns_soon():
    return 42


async def main():
    t = asyncio.create_task(sleeper("early"))
    print("cancel before start:", t.cancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("early:", t.cancelled(), repr(e))

    t = asyncio.create_task(sleeper("waiting"))
    await asyncio.sleep(0.1)
    print("cancel with msg:", t.cancel("stop it"))
    print("second cancel:", t.cancel(), t.cancelling())
    await asyncio.sleep(0)
    print("done after one iteration?", t.done(), t.cancelled())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result() raises", repr(e))

    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    t.cancel()
    print("stubborn:", await t, t.cancelling(), t.uncancel(), t.cancelling())

    t = asyncio.create_task(returns_soon())
    await asyncio.sleep(0)
    print("after finishing, cancel:", t.cancel(), t.result())

    t = asyncio.create_task(returns_soon())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("returns_soon cancelled before it ran")

    g = asyncio.gather(sleeper("g1"), sleeper("g2", 2))
    await asyncio.sleep(0.1)
    print("gather cancel:", g.cancel())
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather raised", repr(e))

    inner = asyncio.create_task(sleeper("inner", 0.3))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0.1)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("shield outer cancelled; inner done?", inner.done())
    print("inner:", await inner)

    try:
        await asyncio.wait_for(stubborn(), 0.2)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    else:
        print("wait_for: the stubborn coroutine won")
    print(f"time {asyncio.get_running_loop().time():.2f}")

    f = asyncio.get_running_loop().create_future()
    print(f, f.cancel("bye"), f)
    try:
        f.result()
    except asyncio.CancelledError as e:
        print("future:", repr(e))
    try:
        f.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    f2 = asyncio.get_running_loop().create_future()
    try:
        f2.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    f2.set_exception(ValueError("bad"))
    print(f2.exception(), f2)


asyncio.run(main())
