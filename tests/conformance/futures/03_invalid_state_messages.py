# InvalidStateError messages for result()/exception()/set_result() in the wrong state.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    for what, call in (("result()", fut.result), ("exception()", fut.exception)):
        try:
            call()
        except asyncio.InvalidStateError as e:
            print(f"{what} on pending:", e)
    fut.set_result([1, 2])
    for what, call in (("set_result", lambda: fut.set_result(3)),
                       ("set_exception", lambda: fut.set_exception(ValueError("x")))):
        try:
            call()
        except asyncio.InvalidStateError as e:
            print(f"{what} on finished:", e)
    print("cancel() on finished:", fut.cancel())
    bad = loop.create_future()
    bad.set_exception(KeyError("k"))
    try:
        bad.set_result(1)
    except asyncio.InvalidStateError as e:
        print("set_result on failed:", e)
    bad.exception()
    gone = loop.create_future()
    gone.cancel()
    try:
        gone.set_result(1)
    except asyncio.InvalidStateError as e:
        print("set_result on cancelled:", e)
    print("InvalidStateError bases:", [c.__name__ for c in asyncio.InvalidStateError.__mro__])


asyncio.run(main())
