# The courses' callback crawler: one selector loop fetching pages over non-blocking sockets,
# with a callback per readiness event (loopscope's simulated python.org, 0.08 s one way).
import socket
import time
from selectors import DefaultSelector, EVENT_WRITE, EVENT_READ

selector = DefaultSelector()
urls_todo = {'/', '/about/', '/downloads/', '/doc/'}
stopped = False


class Fetcher:
    def __init__(self, url):
        self.response = b''
        self.url = url
        self.sock = None

    def fetch(self):
        self.sock = socket.socket()
        self.sock.setblocking(False)
        try:
            self.sock.connect(('python.org', 80))
        except BlockingIOError:
            pass
        selector.register(self.sock.fileno(), EVENT_WRITE, self.connected)

    def connected(self, key, mask):
        selector.unregister(key.fd)
        get = 'GET {0} HTTP/1.0\r\nHost: python.org\r\n\r\n'.format(self.url)
        self.sock.send(get.encode('ascii'))
        print(f'{time.time():.2f} connected, sent GET {self.url}')
        selector.register(key.fd, EVENT_READ, self.read_response)

    def read_response(self, key, mask):
        global stopped
        chunk = self.sock.recv(4096)
        if chunk:
            self.response += chunk
        else:
            selector.unregister(key.fd)
            self.sock.close()
            status = self.response.split(b'\r\n')[0].decode()
            title = self.response.split(b'<title>')[1].split(b'</title>')[0].decode()
            print(f'{time.time():.2f} {self.url}: {status}, {len(self.response)} bytes, {title!r}')
            urls_todo.remove(self.url)
            if not urls_todo:
                stopped = True


def loop():
    while not stopped:
        events = selector.select()
        for event_key, event_mask in events:
            callback = event_key.data
            callback(event_key, event_mask)


start = time.time()
for url in sorted(urls_todo):
    Fetcher(url).fetch()
loop()
print(f'{len(["/", "/about/", "/downloads/", "/doc/"])} pages in {time.time() - start:.2f} s')
