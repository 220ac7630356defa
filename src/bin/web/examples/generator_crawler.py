# The courses' crawler with generator coroutines: Future, Task and a selector event loop
# written by hand (the design asyncio grew from), over loopscope's simulated network.
# python.org is made slower for one page to show the fetches overlapping.
import socket
import time
from selectors import DefaultSelector, EVENT_WRITE, EVENT_READ
import loopscope.net

loopscope.net.set_latency('example.com', 0.3)
selector = DefaultSelector()
stopped = False
todo = [('python.org', '/'), ('example.com', '/'), ('python.org', '/about/')]
remaining = len(todo)


class Future:
    def __init__(self):
        self.result = None
        self._callbacks = []

    def add_done_callback(self, fn):
        self._callbacks.append(fn)

    def set_result(self, result):
        self.result = result
        for fn in self._callbacks:
            fn(self)


class Crawler:
    def __init__(self, host, url):
        self.host = host
        self.url = url
        self.response = b''

    def fetch(self):
        sock = socket.socket()
        sock.setblocking(False)
        try:
            sock.connect((self.host, 80))
        except BlockingIOError:
            pass
        f = Future()

        def on_connected():
            f.set_result(None)

        selector.register(sock.fileno(), EVENT_WRITE, on_connected)
        yield f
        selector.unregister(sock.fileno())
        request = f'GET {self.url} HTTP/1.0\r\nHost: {self.host}\r\n\r\n'
        sock.send(request.encode('ascii'))
        print(f'{time.time():.2f} sent GET {self.host}{self.url}')
        while True:
            f = Future()

            def on_readable():
                f.set_result(sock.recv(4096))

            selector.register(sock.fileno(), EVENT_READ, on_readable)
            chunk = yield f
            selector.unregister(sock.fileno())
            if chunk:
                self.response += chunk
            else:
                sock.close()
                global remaining, stopped
                head = self.response.split(b'\r\n\r\n')[0]
                print(f'{time.time():.2f} {self.host}{self.url}: {head.splitlines()[0].decode()}')
                remaining -= 1
                if remaining == 0:
                    stopped = True
                return len(self.response)


class Task:
    def __init__(self, coro):
        self.coro = coro
        f = Future()
        f.set_result(None)
        self.step(f)

    def step(self, future):
        try:
            next_future = self.coro.send(future.result)
        except StopIteration as e:
            print(f'{time.time():.2f} task done: {e.value} bytes')
            return
        next_future.add_done_callback(self.step)


def loop():
    while not stopped:
        events = selector.select()
        for event_key, event_mask in events:
            callback = event_key.data
            callback()


for host, url in todo:
    Task(Crawler(host, url).fetch())
loop()
print(f'all done at {time.time():.2f}')
