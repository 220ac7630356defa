# asyncio streams on localhost: start_server, open_connection, readline, read to EOF, drain,
# close and wait_closed. Real sockets under CPython (oracle.py), the simulated network in
# loopscope (localhost has no latency, so the virtual clock stays at 0 as in the oracle).
import asyncio


async def handle(reader, writer):
    data = await reader.readline()
    print('server got', data)
    writer.write(b'echo: ' + data)
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    print('server closed')


async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 8888)
    print('serving', server.sockets[0].getsockname())
    reader, writer = await asyncio.open_connection('127.0.0.1', 8888)
    print('client connected')
    writer.write(b'hello\n')
    await writer.drain()
    line = await reader.readline()
    print('client got', line)
    print('eof', await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print('done', asyncio.get_running_loop().time())

asyncio.run(main())
