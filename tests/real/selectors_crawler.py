# The course's callback crawler: non-blocking sockets and a selectors event loop, fetching
# three pages from a local server (port: argv[1]) at once.
import selectors
import socket
import sys
import time

PORT = int(sys.argv[1])
sel = selectors.DefaultSelector()
results = {}


class Fetcher:
    def __init__(self, path):
        self.path = path
        self.response = b''
        self.sock = None

    def fetch(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setblocking(False)
        try:
            self.sock.connect(('127.0.0.1', PORT))
        except BlockingIOError:
            pass
        sel.register(self.sock.fileno(), selectors.EVENT_WRITE, self.connected)

    def connected(self, key, mask):
        sel.unregister(key.fd)
        self.sock.send(f'GET {self.path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n'.encode())
        sel.register(key.fd, selectors.EVENT_READ, self.read_response)

    def read_response(self, key, mask):
        chunk = self.sock.recv(4096)
        if chunk:
            self.response += chunk
        else:
            sel.unregister(key.fd)
            self.sock.close()
            results[self.path] = self.response


def main():
    start = time.time()
    paths = [f'/page{i}' for i in range(1, 4)]
    for p in paths:
        Fetcher(p).fetch()
    while len(results) < len(paths):
        for key, mask in sel.select():
            key.data(key, mask)
    elapsed = time.time() - start
    for p in paths:
        head, _, body = results[p].partition(b'\r\n\r\n')
        print(p, head.split(b'\r\n')[0].decode(), body.decode())
    print('concurrent:', 0.2 <= elapsed < 0.5)
    print(f'elapsed {elapsed:.3f}', file=sys.stderr)


main()
