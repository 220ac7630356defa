# Debug mode turns on coroutine origin tracking (10 frames) while the loop runs: the
# never-awaited warning says where the coroutine was made. Outside the loop it is off again.
import asyncio
import sys


async def job(n):
    await asyncio.sleep(n)


async def main():
    print(sys.get_coroutine_origin_tracking_depth())
    job(1)
    await asyncio.sleep(0)
    asyncio.get_running_loop().call_soon(job, 2)
    await asyncio.sleep(0.1)
    print("end")

asyncio.run(main(), debug=True)
print(sys.get_coroutine_origin_tracking_depth())
job(3)
print("after")
