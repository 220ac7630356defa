# A spinner task animates while a slow computation runs, then is cancelled.
import asyncio
import itertools


async def spin(msg):
    for char in itertools.cycle(r"\|/-"):
        print(f"{char} {msg}")
        try:
            await asyncio.sleep(0.25)
        except asyncio.CancelledError:
            break
    print(f"done: {msg}")


async def slow_function():
    await asyncio.sleep(1.1)
    return 42


async def supervisor():
    spinner = asyncio.create_task(spin("thinking!"))
    print(f"spinner object: {spinner.get_name()}")
    result = await slow_function()
    spinner.cancel()
    await spinner
    return result


print("Answer:", asyncio.run(supervisor()))
