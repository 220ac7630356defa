# The loop's default exception handler logs on the "asyncio" logger, in the format
# basicConfig set: a failing callback, and a context given to call_exception_handler.
# (The "never retrieved" report is in tests/python/logging/04_asyncio.py: a traced run
# reports a dropped task later.)
import asyncio, logging, sys
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s %(funcName)s: %(message)s", stream=sys.stdout)

def failing_callback(n):
    raise ValueError(f"callback {n} failed")

async def main():
    loop = asyncio.get_running_loop()
    logging.info("loggers: %s", list(logging.root.manager.loggerDict))
    loop.call_soon(failing_callback, 1)
    await asyncio.sleep(0.1)
    try:
        {}["key"]
    except KeyError as e:
        loop.call_exception_handler({"message": "custom report", "exception": e, "n": 2})
    loop.call_exception_handler({"message": "no exception"})
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    loop.call_soon(failing_callback, 3)
    await asyncio.sleep(0.1)
    logging.info("done at %.1f", loop.time())

asyncio.run(main())
