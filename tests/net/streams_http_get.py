# The courses' "asyncio simulated HTTP request": open_connection, write a GET, read the
# status line and headers with readline, the body with readexactly, for three hosts at once.
import asyncio
import loopscope.net

loopscope.net.add_page('localhost:8000', '/hello', 'Hello from the local server!\n')


async def fetch(host, port, path):
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    reader, writer = await asyncio.open_connection(host, port)
    print(f'{loop.time() - t0:.2f} connected to {host}:{port}')
    writer.write(f'GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n'.encode())
    await writer.drain()
    status = (await reader.readline()).decode().strip()
    headers = {}
    while True:
        line = await reader.readline()
        if line == b'\r\n':
            break
        name, _, value = line.decode().partition(':')
        headers[name.lower()] = value.strip()
    body = await reader.readexactly(int(headers['content-length']))
    writer.close()
    await writer.wait_closed()
    print(f'{loop.time() - t0:.2f} {host}{path}: {status}, {headers["content-type"]}, '
          f'{len(body)} bytes')
    return body


async def main():
    bodies = await asyncio.gather(
        fetch('example.com', 80, '/'),
        fetch('python.org', 80, '/about/'),
        fetch('localhost', 8000, '/hello'),
    )
    print(bodies[2].decode().strip())
    try:
        await fetch('example.com', 80, '/missing')
    except Exception as e:
        print(type(e).__name__, e)
    print(f'done at {asyncio.get_running_loop().time():.2f}')

asyncio.run(main())
