# asyncio on localhost sockets: a Protocol-based echo server, loop.sock_* on non-blocking
# sockets, add_reader/remove_reader, and StreamReader's readuntil/readexactly/read errors.
import asyncio
import socket


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        print('server: connection made')

    def data_received(self, data):
        print('server: got', data)
        self.transport.write(data.upper())

    def eof_received(self):
        print('server: eof')
        self.transport.close()

    def connection_lost(self, exc):
        print('server: connection lost', exc)


async def sock_api(port):
    loop = asyncio.get_running_loop()
    s = socket.socket()
    s.setblocking(False)
    await loop.sock_connect(s, ('127.0.0.1', port))
    await loop.sock_sendall(s, b'via sock_sendall')
    print('client: sock_recv', await loop.sock_recv(s, 100))
    got = loop.create_future()
    loop.add_reader(s.fileno(), lambda: got.set_result(s.recv(100)))
    await loop.sock_sendall(s, b'via add_reader')
    print('client: reader got', await got)
    loop.remove_reader(s.fileno())
    print('remove again:', loop.remove_reader(s.fileno()))
    s.shutdown(socket.SHUT_WR)
    print('client: after shutdown', await loop.sock_recv(s, 100))
    s.close()


async def streams(port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'alpha;beta;gamma')
    writer.write_eof()
    print('readuntil:', await reader.readuntil(b';'))
    print('readexactly:', await reader.readexactly(4))
    try:
        await reader.readuntil(b'!')
    except asyncio.IncompleteReadError as e:
        print('IncompleteReadError:', e.partial, e.expected, e)
    print('at_eof:', reader.at_eof(), await reader.read())
    writer.close()
    await writer.wait_closed()


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Echo, '127.0.0.1', 8765)
    async with server:
        print('serving:', server.is_serving())
        await sock_api(8765)
        await streams(8765)
    print('serving:', server.is_serving())
    try:
        await asyncio.open_connection('127.0.0.1', 8765)
    except ConnectionRefusedError as e:
        print('refused:', e)

asyncio.run(main())
