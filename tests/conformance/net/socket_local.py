# Plain sockets and selectors against a listener on localhost: non-blocking connect and
# accept, BlockingIOError's errno and message, SO_ERROR, send/recv, EOF, selector keys.
import selectors
import socket

lsock = socket.socket()
lsock.bind(('127.0.0.1', 0))
lsock.listen()
lsock.setblocking(False)
addr = lsock.getsockname()
try:
    lsock.accept()
except BlockingIOError as e:
    print('accept:', type(e).__name__, e.errno, e)

c = socket.socket()
c.setblocking(False)
print('connect_ex:', c.connect_ex(addr))
sel = selectors.DefaultSelector()
key = sel.register(c, selectors.EVENT_WRITE, data='client')
print(key.fd == c.fileno(), key.events, key.data, key.fileobj is c)
sel.register(lsock, selectors.EVENT_READ, data='listener')
seen = set()
while len(seen) < 2:
    for k, mask in sel.select(timeout=1):
        if k.data not in seen:
            print('ready:', k.data, mask)
        seen.add(k.data)
print('SO_ERROR:', c.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))
conn, peer = lsock.accept()
print('peer is client:', peer == c.getsockname())
try:
    c.recv(10)
except BlockingIOError as e:
    print('recv:', type(e).__name__, e.errno, e)
sel.modify(c, selectors.EVENT_READ, data='reply')
print(sel.get_key(c).events, sel.get_key(c).data, len(sel.get_map()))
conn.sendall(b'hello over loopback')
for k, mask in sel.select(timeout=1):
    print('ready:', k.data, mask, c.recv(100))
conn.close()
for k, mask in sel.select(timeout=1):
    print('after close:', k.data, c.recv(100))
sel.unregister(c)
try:
    sel.unregister(c)
except KeyError as e:
    print('KeyError', e.args[0].startswith('<socket.socket'))
try:
    sel.register(c, 0)
except ValueError as e:
    print('ValueError:', e)
c.close()
print(c.fileno())
try:
    c.send(b'x')
except OSError as e:
    print(type(e).__name__, e)
lsock.close()
sel.close()
