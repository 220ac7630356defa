# Length-prefixed frames over asyncio streams, as course scripts build binary protocols:
# a 4-byte big-endian length and a 2-byte type (struct), readexactly for each part, a sha256
# of the payload in the reply, base64 for the binary body. Real sockets under CPython, the
# simulated network in loopscope.
import asyncio
import base64
import hashlib
import struct

HEADER = struct.Struct('>IH')


async def read_frame(reader):
    size, kind = HEADER.unpack(await reader.readexactly(HEADER.size))
    return kind, await reader.readexactly(size)


def frame(kind, payload):
    return HEADER.pack(len(payload), kind) + payload


async def handle(reader, writer):
    while True:
        try:
            kind, payload = await read_frame(reader)
        except asyncio.IncompleteReadError as e:
            print('server: client left,', len(e.partial), 'bytes pending')
            break
        digest = hashlib.sha256(payload).hexdigest()[:16]
        print('server got kind', kind, 'size', len(payload), 'sha256', digest)
        writer.write(frame(kind + 100, digest.encode()))
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 8891)
    reader, writer = await asyncio.open_connection('127.0.0.1', 8891)
    messages = [(1, 'hello'.encode()), (2, '你好，世界'.encode()), (3, bytes(range(256)) * 40)]
    for kind, payload in messages:
        writer.write(frame(kind, payload))
    await writer.drain()
    for kind, payload in messages:
        rkind, body = await read_frame(reader)
        ok = body.decode() == hashlib.sha256(payload).hexdigest()[:16]
        print('client got kind', rkind, body, ok)
    blob = base64.b64encode(struct.pack('<3d', 1.5, -2.25, 1e-3))
    writer.write(frame(4, blob))
    print('client got', await read_frame(reader))
    print('decoded', struct.unpack('<3d', base64.b64decode(blob)))
    writer.write(struct.pack('>I', 10) + b'abc')
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.01)
    server.close()
    await server.wait_closed()
    print('done')

asyncio.run(main())
