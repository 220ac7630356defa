# select.select over localhost sockets: a listener, a client, readiness for reading and
# writing, a timeout with nothing ready, and its argument errors.
import select
import socket
import time

lsock = socket.create_server(('127.0.0.1', 0))
c = socket.create_connection(lsock.getsockname())
r, w, x = select.select([lsock], [c], [], 1.0)
print(r == [lsock], w == [c], x)
conn, _ = lsock.accept()
t0 = time.monotonic()
r, w, x = select.select([conn, c], [], [], 0.25)
print('timed out:', r, w, x)
c.sendall(b'ping')
r, _, _ = select.select([conn, c], [], [])
print(r == [conn], conn.recv(10))
conn.sendall(b'pong')
c.settimeout(2)
print(c.recv(10))
for bad in [([-1], [], []), (['x'], [], [])]:
    try:
        select.select(*bad, 0)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    select.select([], [], [], -1)
except ValueError as e:
    print('ValueError', e)
for s in (c, conn, lsock):
    s.close()
print('closed', c.fileno(), conn.fileno())
