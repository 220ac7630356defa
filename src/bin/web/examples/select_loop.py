# IO multiplexing: one thread waits on many sockets at once with a selector
# (select/poll/epoll underneath), and handles whichever is ready first.
import selectors
import socket
import time

sel = selectors.DefaultSelector()
hosts = ["python.org", "example.com", "localhost:8000"]
start = time.time()
pending = {}
for h in hosts:
    name, _, port = h.partition(":")
    s = socket.socket()
    s.setblocking(False)
    try:
        s.connect((name, int(port or 80)))
    except BlockingIOError:
        pass
    sel.register(s, selectors.EVENT_WRITE, h)
    pending[s] = b""

while pending:
    for key, mask in sel.select(timeout=1):
        s, host = key.fileobj, key.data
        if mask & selectors.EVENT_WRITE:
            s.send(f"GET / HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
            sel.modify(s, selectors.EVENT_READ, host)
            print(f"{time.time() - start:.2f}s {host}: connected, request sent")
        else:
            chunk = s.recv(4096)
            if chunk:
                pending[s] += chunk
            else:
                sel.unregister(s)
                status = pending.pop(s).split(b"\r\n")[0].decode()
                s.close()
                print(f"{time.time() - start:.2f}s {host}: {status}")
print(f"three sites in {time.time() - start:.2f}s with one thread")
