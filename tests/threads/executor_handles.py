# The callbacks that bring an executor's result back to the loop, as `--handles` shows them:
# _chain_future's _set_state (via call_soon_threadsafe), then the self-pipe's _read_from_self.
# Expected output from the oracle (oracle.py [--handles]): deterministic there too.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, time.sleep, 1.5)
    print(r, round(loop.time(), 3))


asyncio.run(main())
