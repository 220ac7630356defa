import asyncio


async def handle(reader, writer):
    data = await reader.readline()
    print('server got', data)
    writer.write(b'echo: ' + data)
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 8888)
    reader, writer = await asyncio.open_connection('127.0.0.1', 8888)
    writer.write(b'hello\n')
    await writer.drain()
    print('client got', await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

asyncio.run(main())
