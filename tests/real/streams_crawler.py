# Three pages fetched concurrently over asyncio streams from a local server (port: argv[1]);
# each answer takes 200 ms, so together they take about 200 ms, not 600.
import asyncio
import sys
import time

PORT = int(sys.argv[1])
open_connection = asyncio.open_connection


async def fetch(path):
    reader, writer = await open_connection('127.0.0.1', PORT)
    writer.write(f'GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n'.encode())
    await writer.drain()
    status = (await reader.readline()).decode().strip()
    while (await reader.readline()) not in (b'\r\n', b''):
        pass
    body = (await reader.read()).decode()
    writer.close()
    await writer.wait_closed()
    return path, status, body


async def main():
    loop = asyncio.get_running_loop()
    t0, w0 = loop.time(), time.time()
    pages = await asyncio.gather(*(fetch(f'/page{i}') for i in range(1, 4)))
    elapsed = loop.time() - t0
    for path, status, body in pages:
        print(path, status, body)
    print('concurrent:', 0.2 <= elapsed < 0.5)
    print(f'elapsed {elapsed:.3f} wall {time.time() - w0:.3f}', file=sys.stderr)


asyncio.run(main())
