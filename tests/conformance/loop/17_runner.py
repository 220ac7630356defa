# asyncio.Runner (3.11): several run() calls share one loop.
import asyncio


async def step(n):
    await asyncio.sleep(0.5)
    return f"step {n} at {asyncio.get_running_loop().time():.1f}"


with asyncio.Runner() as runner:
    loop = runner.get_loop()
    print(runner.run(step(1)))
    print(runner.run(step(2)))
    print("same loop:", runner.get_loop() is loop, "| closed?", loop.is_closed())
print("closed after the with:", loop.is_closed())
try:
    runner.run(step(3))
except RuntimeError as e:
    print("RuntimeError:", e)
runner.close()

r = asyncio.Runner()
print(r.run(step(4)))
r.close()
