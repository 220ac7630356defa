# "Task exception was never retrieved" is logged on the "asyncio" logger, in the format
# basicConfig set.
import asyncio, logging, sys
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s %(funcName)s: %(message)s", stream=sys.stdout)
async def bad():
    raise ValueError("oops")
async def main():
    t = asyncio.create_task(bad())
    await asyncio.sleep(0.1)
    del t
    await asyncio.sleep(0.1)
    logging.info("end")
asyncio.run(main())
print(list(logging.root.manager.loggerDict))
