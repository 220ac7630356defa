import asyncio

# Before async/await: each step schedules the next one as a callback.
# The logic is split across functions and errors are hard to follow.


def step1(loop, done):
    print(f"{loop.time():.1f} step 1: connect")
    loop.call_later(0.5, step2, loop, done, "conn")


def step2(loop, done, conn):
    print(f"{loop.time():.1f} step 2: send request on {conn}")
    loop.call_later(1.0, step3, loop, done, conn + "+request")


def step3(loop, done, data):
    print(f"{loop.time():.1f} step 3: got a response to {data}")
    done.set_result("page")


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    loop.call_soon(step1, loop, done)
    print("result:", await done)


asyncio.run(main())
