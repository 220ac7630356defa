# Awaiting a future: the task suspends until another callback resolves it.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(1.5, fut.set_result, "late value")
    print(f"{loop.time():.1f} awaiting")
    # Arguments are evaluated left to right: the time is read *before* the await.
    print(f"{loop.time():.1f} got", await fut)
    print("awaiting a done future returns at once:", await fut)
    fut2 = loop.create_future()
    fut2.set_result("ready")
    coro = main()
    print("isfuture:", asyncio.isfuture(fut2), asyncio.isfuture(coro), asyncio.isfuture(42))
    coro.close()
    print(await fut2, f"{loop.time():.1f}")
    print("get_loop() is loop:", fut2.get_loop() is loop)
    f3 = asyncio.Future()
    print("asyncio.Future() uses the running loop:", f3.get_loop() is loop)


asyncio.run(main())
