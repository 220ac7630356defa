# Traffic lights coordinated with Events: cars wait for green.
import asyncio


async def controller(green, loop, cycles):
    for _ in range(cycles):
        green.set()
        print(f"{loop.time():.1f} GREEN")
        await asyncio.sleep(2)
        green.clear()
        print(f"{loop.time():.1f} RED")
        await asyncio.sleep(3)


async def car(name, arrive, green, loop):
    await asyncio.sleep(arrive)
    if not green.is_set():
        print(f"{loop.time():.1f} {name} waits at red")
    await green.wait()
    print(f"{loop.time():.1f} {name} passes")


async def main():
    loop = asyncio.get_running_loop()
    green = asyncio.Event()
    cars = [car(f"car{i}", t, green, loop) for i, t in enumerate((0.5, 2.5, 3.0, 4.9, 5.0, 7.5))]
    await asyncio.gather(controller(green, loop, 3), *cars)


asyncio.run(main())
