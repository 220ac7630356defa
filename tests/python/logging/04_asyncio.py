# Logging with asyncio: basicConfig(level=DEBUG) shows asyncio's own debug line, records
# from inside tasks name their coroutine, and the "never retrieved" report goes through
# the configured format.
import asyncio
import logging

logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s %(funcName)s: %(message)s")
log = logging.getLogger("jobs")


async def job(n):
    log.info("job %d starts", n)
    await asyncio.sleep(0.01 * n)
    if n == 2:
        raise ValueError(f"job {n} failed")
    log.debug("job %d done", n)
    return n


async def main():
    results = await asyncio.gather(job(1), job(2), job(3), return_exceptions=True)
    log.info("results: %r", results)
    t = asyncio.create_task(job(2))
    await asyncio.sleep(0.1)
    del t
    await asyncio.sleep(0)
    log.warning("after the lost task")
    print("loggers:", list(logging.root.manager.loggerDict))


asyncio.run(main())
asyncio.run(main(), debug=False)
logging.getLogger("asyncio").setLevel(logging.WARNING)
asyncio.run(job(1))
