# The same three pages with the loop's low-level socket calls (sock_connect, sock_sendall,
# sock_recv) on non-blocking sockets.
import asyncio
import socket
import sys
import time

PORT = int(sys.argv[1])


async def fetch(path):
    loop = asyncio.get_running_loop()
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)
    await loop.sock_connect(s, ('127.0.0.1', PORT))
    await loop.sock_sendall(s, f'GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n'.encode())
    data = b''
    while True:
        chunk = await loop.sock_recv(s, 4096)
        if not chunk:
            break
        data += chunk
    s.close()
    head, _, body = data.partition(b'\r\n\r\n')
    return path, head.split(b'\r\n')[0].decode(), body.decode()


async def main():
    loop = asyncio.get_running_loop()
    await fetch('/warmup')
    t0 = loop.time()
    pages = await asyncio.gather(*(fetch(f'/page{i}') for i in range(1, 4)))
    elapsed = loop.time() - t0
    for p in pages:
        print(*p)
    print('concurrent:', 0.2 <= elapsed < 0.5)
    print(f'elapsed {elapsed:.3f}', file=sys.stderr)


asyncio.run(main())
