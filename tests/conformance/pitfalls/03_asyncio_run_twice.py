# asyncio.run() twice in a row is fine (a new loop each time); objects bound to the first
# loop can't be used in the second.
import asyncio

saved = {}


async def first():
    saved["loop"] = asyncio.get_running_loop()
    saved["fut"] = saved["loop"].create_future()
    saved["event"] = asyncio.Event()
    return "first"


async def second():
    print("same loop as before?", asyncio.get_running_loop() is saved["loop"])
    print("old loop closed?", saved["loop"].is_closed())
    try:
        await saved["fut"]
    except RuntimeError as e:
        print("RuntimeError, attached to a different loop?", "attached to a different loop" in str(e))
    ev = saved["event"]
    ev.set()
    print("an Event binds to a loop only when it has to wait:", await ev.wait())
    return "second"


print(asyncio.run(first()))
print(asyncio.run(second()))
