import asyncio

background = set()


async def job(n):
    await asyncio.sleep(n)
    print("job", n, "finished")


async def main():
    # The loop keeps only a weak reference to tasks: keep a strong one yourself,
    # and drop it when the task is done (the pattern from the asyncio docs).
    for n in (1, 2):
        t = asyncio.create_task(job(n))
        background.add(t)
        t.add_done_callback(background.discard)
    print("tasks kept:", len(background))
    await asyncio.sleep(3)
    print("tasks kept:", len(background))


asyncio.run(main())
