# An elevator simulation: requests arrive over time through a queue.
import asyncio


async def elevator(requests, loop):
    floor = 0
    while True:
        target, who = await requests.get()
        if target is None:
            break
        travel = abs(target - floor) * 0.5
        print(f"{loop.time():.1f} moving {floor}->{target} for {who} ({travel}s)")
        await asyncio.sleep(travel)
        floor = target
        print(f"{loop.time():.1f} arrived at {floor}, doors open")
        await asyncio.sleep(0.3)
    return floor


async def passenger(requests, who, at, floor):
    await asyncio.sleep(at)
    await requests.put((floor, who))


async def main():
    loop = asyncio.get_running_loop()
    requests = asyncio.Queue()
    lift = asyncio.create_task(elevator(requests, loop))
    await asyncio.gather(passenger(requests, "ann", 0, 3), passenger(requests, "bob", 0.2, 1),
                         passenger(requests, "cy", 4, 5))
    await requests.put((None, None))
    print("final floor:", await lift)


asyncio.run(main())
