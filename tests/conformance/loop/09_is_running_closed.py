# is_running()/is_closed() and the RuntimeErrors for misusing a running or closed loop.
import asyncio

loop = asyncio.new_event_loop()


async def inside():
    print("inside: running?", loop.is_running())
    try:
        loop.run_until_complete(asyncio.sleep(0))
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        loop.run_forever()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        loop.close()
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro = asyncio.sleep(0)
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()


print("running?", loop.is_running(), "closed?", loop.is_closed())
loop.run_until_complete(inside())
print("running?", loop.is_running())
loop.close()
loop.close()                       # closing twice is allowed
print("closed?", loop.is_closed())
coro = asyncio.sleep(1)
try:
    loop.run_until_complete(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()
for name, call in (("call_soon", lambda: loop.call_soon(print)),
                   ("call_later", lambda: loop.call_later(1, print)),
                   ("create_future", loop.create_future),
                   ("time", loop.time)):
    try:
        call()
        print(name, "still works on a closed loop")
    except RuntimeError as e:
        print(name, "-> RuntimeError:", e)
