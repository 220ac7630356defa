import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")
user = contextvars.ContextVar("user")

def log(msg):
    print(f"[{request_id.get()}] {msg} user={user.get('anon')}")

async def handle(i):
    token = request_id.set(f"req-{i}")
    await asyncio.sleep(0.01 * (3 - i))
    log(f"handling {i}")
    if i == 1:
        user.set("alice")
    await asyncio.sleep(0)
    log("done")
    request_id.reset(token)
    log("after reset")

async def main():
    user.set("root")
    await asyncio.gather(*(handle(i) for i in range(3)))
    log("main")
    ctx = contextvars.copy_context()
    print(ctx[user], request_id in ctx, len(list(ctx.items())) >= 2)
    print(ctx.run(lambda: user.set("bob") and user.get()), user.get())
    print(repr(request_id)[:30])
    try:
        contextvars.ContextVar("x").get()
    except LookupError as e:
        print("LookupError", repr(e)[:40])

asyncio.run(main())
