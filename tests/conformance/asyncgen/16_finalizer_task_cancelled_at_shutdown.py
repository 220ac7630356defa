# A generator abandoned with an async finally: the finalizer's aclose() task is cancelled at
# shutdown before it starts, so CancelledError is thrown in at the yield and GeneratorExit
# then ends the finally at its await.
import asyncio
async def resource(name):
    print(f"  {name} open")
    try:
        yield f"{name}-1"
        yield f"{name}-2"
    finally:
        await asyncio.sleep(0.2)
        print(f"  {name} closed at {asyncio.get_running_loop().time():.1f}")

async def main():
    r2 = resource("slow")
    print(await anext(r2))
    print("done")
asyncio.run(main())
