# Records from threads name their thread; logging hands its locks over to threading once the
# script imports it (before, a script that only logs keeps the virtual clock of one thread).
import logging, sys
logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(threadName)s %(funcName)s %(message)s")
logging.info("before threading")
import threading, asyncio, concurrent.futures
def worker(n):
    logging.info("worker %d", n)
ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
async def main():
    await asyncio.to_thread(worker, 9)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="pool") as ex:
        list(ex.map(worker, [10, 11]))
asyncio.run(main())
print(sorted(logging.root.manager.loggerDict))
