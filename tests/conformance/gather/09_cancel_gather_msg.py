# gather().cancel(msg): every child is cancelled with the message.
import asyncio


async def child(i):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print(f"child {i} got args {e.args}")
        raise


async def main():
    g = asyncio.gather(child(1), child(2))
    await asyncio.sleep(0)
    g.cancel(msg="stop now")
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather raised CancelledError with args", e.args)


asyncio.run(main())
