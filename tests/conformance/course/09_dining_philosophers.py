# Dining philosophers with asyncio.Lock forks; ordered acquisition avoids deadlock.
import asyncio

N = 5
MEALS = 2


async def philosopher(i, forks, loop, eat, think):
    left, right = i, (i + 1) % N
    first, second = min(left, right), max(left, right)    # global order: no deadlock
    for meal in range(MEALS):
        await asyncio.sleep(think[i])
        async with forks[first]:
            async with forks[second]:
                print(f"{loop.time():.1f} P{i} eats meal {meal} with forks {first},{second}")
                await asyncio.sleep(eat[i])
    print(f"{loop.time():.1f} P{i} is full")


async def main():
    loop = asyncio.get_running_loop()
    forks = [asyncio.Lock() for _ in range(N)]
    eat = [0.3, 0.2, 0.4, 0.1, 0.25]
    think = [0.1, 0.1, 0.2, 0.05, 0.15]
    await asyncio.gather(*(philosopher(i, forks, loop, eat, think) for i in range(N)))
    print(f"{loop.time():.2f} dinner over")


asyncio.run(main())
