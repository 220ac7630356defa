# Debug mode's slow-callback report is a WARNING on the "asyncio" logger: a handler on
# sys.stdout with its own format shows it (asyncio's DEBUG lines are filtered out).
import asyncio, logging, sys, time
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s [%(name)s] %(message)s"))
aio = logging.getLogger("asyncio")
aio.addHandler(handler)
aio.setLevel(logging.INFO)
app = logging.getLogger("app")
app.addHandler(handler)
app.setLevel(logging.DEBUG)

async def blocker():
    app.debug("blocking for 0.3s")
    time.sleep(0.3)
    app.info("unblocked")

async def main():
    await asyncio.gather(blocker(), asyncio.sleep(0.1))
    app.info("done at %.1f", asyncio.get_running_loop().time())

asyncio.run(main(), debug=True)
