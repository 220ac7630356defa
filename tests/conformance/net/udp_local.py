# UDP on localhost: plain sockets (sendto/recvfrom, a connected one with send), then asyncio's
# datagram endpoints (an echo server and a client protocol).
import asyncio
import socket

srv = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
srv.bind(('127.0.0.1', 0))
port = srv.getsockname()[1]
cli = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(cli.type == socket.SOCK_DGRAM, cli.sendto(b'hello', ('127.0.0.1', port)))
data, addr = srv.recvfrom(100)
print(data, addr[0], addr[1] == cli.getsockname()[1], cli.getsockname()[0])
srv.sendto(data.upper(), addr)
print(cli.recvfrom(3)[0])
srv.setblocking(False)
try:
    srv.recvfrom(100)
except BlockingIOError as e:
    print('BlockingIOError', e.errno)
conn = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
conn.connect(('127.0.0.1', port))
print(conn.send(b'via connect'))
srv.setblocking(True)
print(srv.recvfrom(100)[0])
for s in (srv, cli, conn):
    s.close()


class Echo(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport
        print('server ready')

    def datagram_received(self, data, addr):
        print('server got', data)
        self.transport.sendto(data[::-1], addr)


class Client(asyncio.DatagramProtocol):
    def __init__(self, done):
        self.done = done
        self.got = []

    def connection_made(self, transport):
        print('client connected', transport.get_extra_info('peername') is not None)
        for word in (b'one', b'two', b'three'):
            transport.sendto(word)

    def datagram_received(self, data, addr):
        self.got.append(data)
        if len(self.got) == 3:
            self.done.set_result(self.got)

    def connection_lost(self, exc):
        print('client lost', exc)


async def main():
    loop = asyncio.get_running_loop()
    server, _ = await loop.create_datagram_endpoint(Echo, local_addr=('127.0.0.1', 0))
    addr = server.get_extra_info('sockname')
    done = loop.create_future()
    client, proto = await loop.create_datagram_endpoint(lambda: Client(done),
                                                        remote_addr=addr)
    print(await done)
    client.close()
    server.close()
    await asyncio.sleep(0)
    try:
        await loop.create_datagram_endpoint(Echo)
    except ValueError as e:
        print('ValueError', e)


asyncio.run(main())
