# Chaining futures with callbacks: each hop costs one loop iteration.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for _ in range(4)]
    for i in range(3):
        def forward(src, dst=futs[i + 1], i=i):
            print(f"  hop {i} -> {i + 1} with {src.result()}")
            dst.set_result(src.result() + 1)
        futs[i].add_done_callback(forward)
    futs[-1].add_done_callback(lambda f: print("  last future done:", f.result()))
    marks = []
    for n in range(6):
        loop.call_soon(marks.append, n)
    futs[0].set_result(100)
    print("awaiting the end of the chain")
    print("result:", await futs[-1])
    await asyncio.sleep(0)
    print("iteration markers seen so far:", marks)


asyncio.run(main())
