# asctime and msecs read the virtual clock: records from tasks show when they ran.
import asyncio, logging, sys, time
logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(asctime)s.%(msecs)03d %(name)s %(funcName)s %(message)s", datefmt="%H:%M:%S")
log = logging.getLogger("worker")
async def worker(n):
    log.info("start %d", n)
    await asyncio.sleep(n * 0.25)
    log.info("done %d", n)
    return n
async def main():
    t = time.time()
    r = await asyncio.gather(*(worker(i) for i in range(4)))
    log.info("results %s after %.2f", r, time.time() - t)
    logging.info("root")
asyncio.run(main())
f = logging.Formatter()
r = logging.makeLogRecord({"msg": "hi %s", "args": ("x",), "levelno": 20, "levelname": "INFO"})
print(f.format(r), r.getMessage())
print(logging.Formatter("%(asctime)s %(message)s").format(r))
print(logging.Formatter("%(relativeCreated)d").format(r) != "")
