import asyncio

async def main():
    print("main")
    return 1

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.is_running(), loop.is_closed())
print(loop.run_until_complete(main()))
def stopper():
    print("stopping at", loop.time())
    loop.stop()
loop.call_later(2, stopper)
loop.call_soon(print, "first soon")
loop.run_forever()
print("after run_forever", loop.time())
loop.call_soon(print, "left over")
loop.stop()
loop.run_forever()
try:
    loop.run_until_complete(asyncio.sleep(1))
    fut = loop.create_future()
    loop.call_later(1, fut.set_result, "done")
    print(loop.run_until_complete(fut))
finally:
    loop.close()
print(loop.is_closed())
try:
    loop.call_soon(print, "x")
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    loop.run_until_complete(main())
except RuntimeError as e:
    print("RuntimeError:", e)
