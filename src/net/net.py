"""loopscope.net: the simulated network behind socket, selectors, select and asyncio.

Everything here runs on the virtual clock: no OS socket is ever opened. Hosts serve pages over
a minimal HTTP/1.0-1.1 server; scripts can also listen on a port themselves (socket.listen or
asyncio.start_server) and connect to it. See src/net/README.md for the timing model.
"""

import json as _json
import sys as _sys
from collections import deque as _deque
from heapq import heappush as _heappush, heappop as _heappop

try:
    import _loopscope as _ls
    _TRACE = bool(_ls.TRACE)
except ImportError:
    _ls = None
    _TRACE = False

_now = _loopscope_net_native.now
_advance = _loopscope_net_native.advance
_advance_wake = _loopscope_net_native.advance_wake
_threads_alive = _loopscope_net_native.threads_alive
_io_state = _loopscope_net_native.io_state

# Due times are compared with this slack: the clock reaches a delivery time by adding the
# difference to the current time in floats, which may land one ulp short.
_EPS = 1e-9

# The OS's TCP connect timeout (Linux: 6 SYN retries, 127 s), for blackholed hosts.
CONNECT_TIMEOUT = 127.0
MSS = 1460

EINPROGRESS = 115
EAGAIN = 11
ECONNREFUSED = 111
ECONNRESET = 104
ETIMEDOUT = 110
EPIPE = 32
EBADF = 9
ENOTCONN = 107
EISCONN = 106
EADDRINUSE = 98
EALREADY = 114
EINVAL = 22

_STRERROR = {
    EINPROGRESS: 'Operation now in progress',
    EAGAIN: 'Resource temporarily unavailable',
    ECONNREFUSED: 'Connection refused',
    ECONNRESET: 'Connection reset by peer',
    ETIMEDOUT: 'Connection timed out',
    EPIPE: 'Broken pipe',
    EBADF: 'Bad file descriptor',
    ENOTCONN: 'Transport endpoint is not connected',
    EISCONN: 'Transport endpoint is already connected',
    EADDRINUSE: 'Address already in use',
    EALREADY: 'Operation already in progress',
    EINVAL: 'Invalid argument',
}


def strerror(code):
    return _STRERROR.get(code, f'Unknown error {code}')


def os_error(code):
    """The OSError subclass CPython raises for errno `code`."""
    cls = {
        EAGAIN: BlockingIOError, EINPROGRESS: BlockingIOError, EALREADY: BlockingIOError,
        ECONNREFUSED: ConnectionRefusedError, ECONNRESET: ConnectionResetError,
        ETIMEDOUT: TimeoutError, EPIPE: BrokenPipeError,
    }.get(code, OSError)
    return cls(code, strerror(code))


class gaierror(OSError):
    __module__ = 'socket'


# ---------------------------------------------------------------- hosts


class Host:
    """A simulated machine: how far away it is and what its HTTP server answers."""

    def __init__(self, name, ip, latency=0.05, bandwidth=None):
        self.name = name
        self.ip = ip
        self.latency = latency
        self.bandwidth = bandwidth
        self.delay = 0.0
        self.fault = None
        self.pages = {}
        self.serves_http = True

    def __repr__(self):
        return f'<Host {self.name} latency={self.latency} bandwidth={self.bandwidth}>'


_hosts = {}
_ips = {}
_next_ip = [1]


def _key(name, port):
    return name if port == 80 else f'{name}:{port}'


def _split_key(host):
    if ':' in host:
        name, _, port = host.rpartition(':')
        return name, int(port)
    return host, 80


def _canon(name):
    if name in ('127.0.0.1', 'localhost', '0.0.0.0', ''):
        return 'localhost'
    return _ips.get(name, name)


def _host(host, create=True):
    """The Host for 'name' or 'name:port' (created on first mention)."""
    name, port = _split_key(host)
    k = _key(_canon(name), port)
    h = _hosts.get(k)
    if h is None and create:
        h = add_host(k)
    return h


def add_host(host, ip=None, latency=None, bandwidth=None):
    """Create (or reset) host 'name' or 'name:port' with no pages (latency: 0.05 s one way,
    none for localhost)."""
    name, port = _split_key(host)
    name = _canon(name)
    if ip is None:
        if name == 'localhost':
            ip = '127.0.0.1'
        else:
            ip = _ips_by_name.get(name)
            if ip is None:
                ip = f'10.0.0.{_next_ip[0]}'
                _next_ip[0] += 1
    _ips[ip] = name
    _ips_by_name[name] = ip
    _addr_cache.clear()
    if latency is None:
        latency = 0.0 if name == 'localhost' else 0.05
    h = Host(_key(name, port), ip, float(latency), bandwidth)
    _hosts[h.name] = h
    return h


_ips_by_name = {}


def set_latency(host, seconds):
    """One-way delay between this machine and `host` (a round trip takes twice as long)."""
    _host(host).latency = float(seconds)


def set_bandwidth(host, bytes_per_second):
    """How fast bytes leave for / arrive from `host` (None: no limit)."""
    _host(host).bandwidth = None if bytes_per_second is None else float(bytes_per_second)


def set_delay(host, seconds):
    """How long `host`'s server thinks before it answers a request."""
    _host(host).delay = float(seconds)


def add_page(host, path, body, status=200, content_type=None):
    """Serve `body` (str, bytes, or a dict/list sent as JSON) at `path` on `host`."""
    if content_type is None:
        if isinstance(body, (dict, list)):
            content_type = 'application/json'
        elif isinstance(body, bytes):
            content_type = 'application/octet-stream'
        else:
            content_type = 'text/html; charset=utf-8'
    if isinstance(body, (dict, list)):
        body = _json.dumps(body)
    if isinstance(body, str):
        body = body.encode('utf-8')
    _host(host).pages[path] = (status, content_type, body)


def remove_page(host, path):
    _host(host).pages.pop(path, None)


def refuse(host):
    """Connections to `host` are refused (ConnectionRefusedError after one round trip)."""
    _host(host).fault = 'refuse'


def blackhole(host):
    """`host` never answers a connect (it times out after CONNECT_TIMEOUT seconds)."""
    _host(host).fault = 'blackhole'


def hang(host):
    """`host` accepts connections and reads requests but never answers."""
    _host(host).fault = 'hang'


def reset(host):
    """`host` resets the connection when a request reaches it (ConnectionResetError)."""
    _host(host).fault = 'reset'


def restore(host):
    """Undo refuse/blackhole/hang/reset."""
    _host(host).fault = None


def hosts():
    """The configured hosts, by name."""
    return dict(_hosts)


def resolve(name):
    """The simulated IP address of a host name (socket.gaierror if unknown)."""
    c = _canon(name)
    if c == 'localhost':
        return '127.0.0.1'
    ip = _ips_by_name.get(c)
    if ip is None:
        raise gaierror(-2, 'Name or service not known')
    return ip


def _page_html(title, body):
    return (f'<!doctype html>\n<html><head><title>{title}</title></head>\n'
            f'<body><h1>{title}</h1>\n<p>{body}</p></body></html>\n')


def _defaults():
    h = add_host('example.com', '93.184.216.34', latency=0.05)
    add_page('example.com', '/', _page_html('Example Domain',
             'This domain is for use in illustrative examples in documents.'))
    h = add_host('python.org', '151.101.0.223', latency=0.08)
    add_page('python.org', '/', _page_html('Welcome to Python.org',
             'Python is a programming language that lets you work quickly.'))
    add_page('python.org', '/about/', _page_html('About Python', 'Python is powerful... and fast.'))
    add_page('python.org', '/downloads/', _page_html('Download Python', 'Python 3.11.4'))
    add_page('python.org', '/doc/', _page_html('Python Documentation', 'Browse the docs.'))
    h = add_host('httpbin.org', '54.208.105.16', latency=0.1)
    h.special = 'httpbin'
    # The database servers the aioredis/aiomysql stand-ins talk to (they speak no HTTP:
    # a socket connecting to them is refused).
    add_host('localhost:6379', latency=0.0005).serves_http = False
    add_host('localhost:3306', latency=0.001).serves_http = False
    add_host('localhost:8000', latency=0.0)
    for i in range(1, 4):
        add_page('localhost:8000', f'/{i}', _page_html(f'Page {i}', f'This is page {i}.'))
    add_page('localhost:8000', '/', _page_html('Index', 'Pages: /1 /2 /3 /api/items'))
    add_page('localhost:8000', '/api/items', [{'id': 1, 'name': 'apple'},
                                             {'id': 2, 'name': 'banana'}])
    return h


def drive(coro):
    """A generator that runs `coro` to completion: what coro.__await__() gives in CPython,
    for the awaitable wrappers of the simulated client libraries (session.get(...),
    aiofiles.open(...))."""
    try:
        value = coro.send(None)
        while True:
            try:
                sent = yield value
            except GeneratorExit:
                coro.close()
                raise
            except BaseException as exc:
                value = coro.throw(exc)
            else:
                value = coro.send(sent)
    except StopIteration as stop:
        return stop.value


def round_trip(host):
    """Two one-way delays to `host` (the simulated database servers' cost per command)."""
    return 2 * _host(host).latency


# ---------------------------------------------------------------- the wire

# Deliveries in flight: a heap of [time, seq, endpoint, kind, data] (the unique seq orders
# equal times by sending order and keeps the comparison off the endpoint); kind 'data',
# 'eof', 'rst', 'established', 'refused', 'timeout', 'accept'. Thousands of clients put
# thousands in flight at once: a heap keeps each delivery O(log n).
_flight = []
_seq = [0]


def _schedule(t, ep, kind, data=None):
    _seq[0] += 1
    if kind == 'data':
        # Bytes on the way to each end, so the trace's in-flight count needs no scan.
        ep.inbound += len(data)
    _heappush(_flight, [t, _seq[0], ep, kind, data])


def pump():
    """Apply every delivery due by now, in time order (each at its own time)."""
    now = _now()
    while _flight and _flight[0][0] <= now + _EPS:
        t, _, ep, kind, data = _heappop(_flight)
        if kind == 'data':
            ep.inbound -= len(data)
            if _TRACE:
                # The peer's in-flight count (both directions) changed with this end's.
                _touch_peer(ep)
        ep._arrive(t, kind, data)


def next_due():
    """When the next delivery lands (None: nothing in flight)."""
    return _flight[0][0] if _flight else None


def wait_until(deadline, ready):
    """Block the whole program (virtual clock) until ready() or `deadline` (None: no limit).
    Returns ready()'s last value."""
    pump()
    r = ready()
    while not r:
        nd = next_due()
        if nd is None and deadline is None:
            raise RuntimeError('deadlock: a blocking socket call would wait forever '
                               '(nothing is in flight on the simulated network)')
        target = nd if deadline is None or (nd is not None and nd < deadline) else deadline
        dt = target - _now()
        if dt > 0:
            _advance(dt)
        pump()
        r = ready()
        if not r and deadline is not None and _now() >= deadline - _EPS:
            break
    return r


def in_flight():
    """(fd, bytes) for each socket with bytes on the way to it."""
    out = {}
    for t, _, ep, kind, data in _flight:
        if kind == 'data' and getattr(ep, 'fd', None) is not None:
            out[ep.fd] = out.get(ep.fd, 0) + len(data)
    return sorted(out.items())


class _Link:
    """One direction of a connection: latency and bandwidth of the remote host's path."""

    def __init__(self, host):
        self.host = host
        self.free_at = 0.0
        self.last_arrival = 0.0

    def send(self, t, dst, data):
        bw = self.host.bandwidth if self.host is not None else None
        lat = self.host.latency if self.host is not None else 0.0
        if bw is None or bw <= 0:
            chunks = [data]
        else:
            chunks = [data[i:i + MSS] for i in range(0, len(data), MSS)] or [b'']
        start = t if t > self.free_at else self.free_at
        for c in chunks:
            done = start if bw is None or bw <= 0 else start + len(c) / bw
            self.free_at = done
            start = done
            arrival = done + lat
            if arrival < self.last_arrival:
                arrival = self.last_arrival
            self.last_arrival = arrival
            _schedule(arrival, dst, 'data', c)
        trace_fd(getattr(dst, 'fd', None))

    def control(self, t, dst, kind, extra=0.0, data=None):
        lat = self.host.latency if self.host is not None else 0.0
        arrival = t + lat + extra
        if arrival < self.last_arrival:
            arrival = self.last_arrival
        self.last_arrival = arrival
        _schedule(arrival, dst, kind, data)


# ---------------------------------------------------------------- endpoints

_fds = set()
# The free fds below _fd_top (a heap): with _fds they cover 3 .. _fd_top - 1, so the lowest
# free fd is found without counting up through thousands of open ones.
_free_fds = []
_fd_top = [3]
_next_port = [50000]
_listeners = {}
_sockets = {}


def _lowest_fd():
    if _free_fds:
        fd = _heappop(_free_fds)
    else:
        fd = _fd_top[0]
        _fd_top[0] += 1
    _fds.add(fd)
    return fd


def alloc_fd():
    # A CPython event loop holds three fds from its creation (epoll and the self-pipe pair);
    # loopscope's makes none, so the first socket opened under a running loop reserves them
    # and socket fds match CPython's.
    aio = _sys.modules.get('asyncio')
    if aio is not None:
        lp = aio._get_running_loop()
        if lp is not None and getattr(lp, '_ls_fds', None) is None:
            lp._ls_fds = [_lowest_fd(), _lowest_fd(), _lowest_fd()]
    return _lowest_fd()


def free_fd(fd):
    if fd in _fds:
        _fds.discard(fd)
        _heappush(_free_fds, fd)


def sockets():
    """The open simulated sockets, by fd."""
    return dict(_sockets)


class Endpoint:
    """One end of a TCP connection, or a listening socket: what a socket object wraps."""

    def __init__(self, with_fd=True):
        # An accepted connection's server end exists before accept() gives it an fd.
        self.fd = alloc_fd() if with_fd else None
        if with_fd:
            _sockets[self.fd] = self
        self.state = 'new'
        self.rbuf = b''
        self.eof = False
        self.error = 0
        self.peer = None
        self.out = None
        self.laddr = ('0.0.0.0', 0)
        self.raddr = None
        # Connections waiting for accept(), oldest first (thousands under a C10K burst).
        self.backlog = _deque()
        self.inbound = 0
        self.wr_shut = False
        self.host = None
        trace_fd(self.fd)

    def has_peer(self):
        # Once both directions are shut (or reset) the connection is gone: no peer name.
        return self.state == 'connected' and not (self.wr_shut and self.eof)

    def readable(self):
        pump()
        if self.state == 'listening':
            return bool(self.backlog)
        return bool(self.rbuf) or self.eof or bool(self.error) or self.state == 'closed'

    def writable(self):
        pump()
        return self.state == 'connected' or bool(self.error)

    # What arrives from the wire.
    def _arrive(self, t, kind, data):
        if self.state == 'closed':
            return
        if kind == 'data':
            self.rbuf += data
        elif kind == 'eof':
            self.eof = True
        elif kind == 'rst':
            self.error = ECONNRESET
            self.eof = True
        elif kind == 'established':
            if self.state == 'connecting':
                self.state = 'connected'
        elif kind == 'refused':
            self.state = 'failed'
            self.error = ECONNREFUSED
        elif kind == 'timeout':
            if self.state == 'connecting':
                self.state = 'failed'
                self.error = ETIMEDOUT
        elif kind == 'accept':
            self.backlog.append(data)
        trace_fd(self.fd)

    def bind(self, addr):
        host, port = addr
        name = _canon(host)
        if port == 0:
            port = _ephemeral()
        if (name, port) in _listeners:
            raise os_error(EADDRINUSE)
        self.laddr = ('127.0.0.1' if name == 'localhost' else host or '0.0.0.0', port)
        self.bound = (name, port)

    def listen(self):
        if getattr(self, 'bound', None) is None:
            self.bind(('0.0.0.0', 0))
        self.state = 'listening'
        _listeners[self.bound] = self
        trace_fd(self.fd)

    def connect(self, addr):
        """Start connecting (non-blocking); the result lands later."""
        t = _now()
        host, port = addr[0], addr[1]
        name = _canon(host)
        if name != 'localhost' and name not in _ips_by_name:
            raise gaierror(-2, 'Name or service not known')
        self.laddr = ('127.0.0.1' if name == 'localhost' else '192.168.1.2', _ephemeral())
        self.raddr = ('127.0.0.1' if name == 'localhost' else resolve(name), port)
        self.state = 'connecting'
        trace_fd(self.fd)
        lst = _listeners.get((name, port))
        h = _hosts.get(_key(name, port))
        if lst is None and name == 'localhost':
            lst = _listeners.get(('0.0.0.0', port))
        cfg = h if h is not None else _hosts.get(_key(name, 80)) if name != 'localhost' else h
        self.host = cfg
        self.out = _Link(cfg)
        if lst is not None:
            # A listening socket of the script: the connection waits in its backlog.
            srv = Endpoint(with_fd=False)
            srv._init_accepted(self, lst, cfg)
            self.peer = srv
            self.out.control(t, lst, 'accept', 0.0, srv)
            self.out.control(t, self, 'established', cfg.latency if cfg is not None else 0.0)
            return
        if h is None or not h.serves_http:
            self.out.control(t, self, 'refused', cfg.latency if cfg is not None else 0.0)
            return
        if h.fault == 'refuse':
            self.out.control(t, self, 'refused', h.latency)
            return
        if h.fault == 'blackhole':
            _schedule(t + CONNECT_TIMEOUT, self, 'timeout')
            return
        self.peer = HttpServerSide(self, h)
        self.out.control(t, self, 'established', h.latency)

    def _init_accepted(self, client, lst, cfg):
        self.state = 'connected'
        self.peer = client
        self.laddr = lst.laddr if lst.laddr[0] != '0.0.0.0' else ('127.0.0.1', lst.laddr[1])
        self.raddr = client.laddr
        self.host = cfg
        self.out = _Link(cfg)

    def adopt(self):
        """An accepted connection gets its fd when accept() returns it."""
        self.fd = alloc_fd()
        _sockets[self.fd] = self
        trace_fd(self.fd)

    def send(self, data):
        if self.error == ECONNRESET or (self.peer is not None and self.peer.state == 'closed'
                                        and not isinstance(self.peer, HttpServerSide)):
            raise os_error(EPIPE)
        self.out.send(_now(), self.peer, bytes(data))
        trace_fd(self.fd)
        return len(data)

    def shutdown_write(self):
        if not self.wr_shut and self.peer is not None:
            self.wr_shut = True
            self.out.control(_now(), self.peer, 'eof')

    def close(self):
        if self.state == 'closed':
            return
        if self.state == 'connected':
            self.shutdown_write()
        if self.state == 'listening':
            _listeners.pop(self.bound, None)
        self.state = 'closed'
        if self.fd is not None:
            free_fd(self.fd)
            _sockets.pop(self.fd, None)
            trace_fd(self.fd)


def _ephemeral():
    _next_port[0] += 1
    return _next_port[0] - 1


# ---------------------------------------------------------------- the trace

# fd -> (events, data) of its latest selector registration.
_registrations = {}
# fd -> the last state sent to the trace (only changes are sent).
_traced = {}


def note_registration(fd, events, data):
    """A selector registered (events != 0) or dropped (0) `fd`."""
    if events:
        _registrations[fd] = (events, data)
    else:
        _registrations.pop(fd, None)
    trace_fd(fd)


def _task_waiting_on(fut):
    aio = _sys.modules.get('asyncio')
    if aio is None or fut is None:
        return None
    find = getattr(aio, '_task_waiting_on', None)
    if find is not None:
        # The tasks' own index (tasks.rs): a scan of every task for every socket change made
        # tracing thousands of connections quadratic.
        return find(fut)
    for t in aio._all_tasks_alive():
        if t._fut_waiter is fut and not t.done():
            return t
    return None


def _qualname(fn):
    return (getattr(fn, '__qualname__', None)
            or getattr(getattr(fn, '__func__', None), '__qualname__', None) or repr(fn))


_first_waiting = [None]


def _describe_handle(h):
    cb = h._callback
    # _qualname(cb), written out: this runs for thousands of sockets at every loop turn.
    name = (getattr(cb, '__qualname__', None)
            or getattr(getattr(cb, '__func__', None), '__qualname__', None) or repr(cb))
    waiters = list(h._args)
    # A transport's reader wakes the task waiting on its StreamReader.
    proto = getattr(getattr(cb, '__self__', None), '_protocol', None)
    reader = getattr(proto, '_stream_reader', None) if proto is not None else None
    if reader is not None:
        waiters.append(getattr(reader, '_waiter', None))
    first = _first_waiting[0]
    if first is None:
        aio = _sys.modules.get('asyncio')
        first = getattr(aio, '_first_task_waiting_on', None) if aio is not None else None
        _first_waiting[0] = first
    if first is not None:
        # Thousands of sockets are described at every loop turn: one native call.
        t = first(waiters)
        if t is not None:
            return f'{name} (wakes {t.get_name()})'
        return name
    for w in waiters:
        t = _task_waiting_on(w)
        if t is not None:
            return f'{name} (wakes {t.get_name()})'
    return name


def _describe_data(data):
    if isinstance(data, tuple) and len(data) == 2:
        # An asyncio loop's (reader, writer) handles. (Written out: a generator and a list
        # comprehension per call cost more than the rest at thousands of sockets a turn.)
        r, w = data
        if (r is None or hasattr(r, '_callback')) and (w is None or hasattr(w, '_callback')):
            if r is not None and not r._cancelled:
                if w is not None and not w._cancelled:
                    return _describe_handle(r) + ' / ' + _describe_handle(w)
                return _describe_handle(r)
            if w is not None and not w._cancelled:
                return _describe_handle(w)
            return ''
    if hasattr(data, '_callback'):
        return _describe_handle(data)
    if data is None:
        return ''
    if callable(data):
        return _qualname(data)
    r = repr(data)
    return r if len(r) <= 80 else r[:77] + '...'


def _addr_words(addr):
    if addr is None:
        return '?'
    host = _ips.get(addr[0], addr[0])
    return f'{addr[0]}:{addr[1]}' if host == addr[0] else f'{host}:{addr[1]}'


# _addr_words of each address seen (names change only with add_host, which clears it): a
# trace describes thousands of sockets at every loop turn.
_addr_cache = {}


def _socket_words(ep):
    st = ep.state
    if st == 'connected':
        # Most sockets, most of the time: checked first.
        words = _addr_cache.get(ep.raddr)
        if words is None:
            words = _addr_cache[ep.raddr] = _addr_words(ep.raddr)
        words = 'connected to ' + words
        if ep.rbuf:
            words += f', {len(ep.rbuf)} B to read'
        if ep.error:
            words += f', {strerror(ep.error).lower()}'
        elif ep.eof:
            words += ', peer closed'
        return words
    if st == 'new':
        return 'not connected'
    if st == 'listening':
        return f'listening on {_addr_words(ep.laddr)}, {len(ep.backlog)} to accept'
    if st == 'connecting':
        return f'connecting to {_addr_words(ep.raddr)}'
    if st == 'failed':
        return f'connect to {_addr_words(ep.raddr)} failed: {strerror(ep.error)}'
    if st == 'closed':
        return 'closed'
    words = f'connected to {_addr_words(ep.raddr)}'
    if ep.rbuf:
        words += f', {len(ep.rbuf)} B to read'
    if ep.error:
        words += f', {strerror(ep.error).lower()}'
    elif ep.eof:
        words += ', peer closed'
    return words


def _fd_state(fd):
    ep = _sockets.get(fd)
    reg = _registrations.get(fd)
    events, target = (reg[0], _describe_data(reg[1])) if reg else (0, '')
    in_flight = 0
    if ep is not None:
        # Both directions of its connection.
        in_flight = ep.inbound + (ep.peer.inbound if ep.peer is not None else 0)
    return (fd, events, in_flight, 'closed' if ep is None else _socket_words(ep), target)


# fd -> the selectors that registered it. A selector re-checks only the fds whose socket
# changed since it last found them not ready (`_ls_maybe`), not every registered fd at every
# select(): with thousands of idle connections that scan was the loop's main cost.
_watchers = {}


def watch(fd, selector):
    ws = _watchers.get(fd)
    if ws is None:
        _watchers[fd] = [selector]
    elif selector not in ws:
        ws.append(selector)


def unwatch(fd, selector):
    ws = _watchers.get(fd)
    if ws is not None and selector in ws:
        ws.remove(selector)
        if not ws:
            del _watchers[fd]


# trace_fd(fd): `fd`'s socket changed (every change of state, buffer, backlog or
# registration comes here): its selectors re-check it (_watchers), and the trace gets its
# state if that changed (tracing runs only: _send_state). Native (mod.rs), as it is called
# two dozen times per connection.
trace_fd = _loopscope_net_native.trace_fd
# The simulated selector's poll (selectors.py), native for the same reason (mod.rs).
_poll_ready = _loopscope_net_native.poll_ready


def _send_state(fd):
    # _fd_state(fd) with the target from the registration's plan, natively (mod.rs io_state:
    # every io event is built there, and in Python that was most of a traced run's cost with
    # thousands of connections); None when nothing changed since the last one sent.
    st = _io_state(fd)
    if st is not None:
        _ls.trace('io', *st)


# The loop's refresh at each turn (trace_all) describes only the sockets that may have changed
# since the last one, not every socket: with thousands of connections and a turn per hundred
# accepts, describing them all made tracing quadratic. What a socket shows changes through
# trace_fd (its fields, its registration: sent at once) and touch (changes only the trace
# sees: the peer's bytes in flight, a cleared error), and its target ("... (wakes Task-N)")
# when a task starts or stops waiting on a future its handles can wake, or a stream reader
# takes or drops its waiter (touch_reader). So each registration gets a plan (its handles'
# names, waiters and stream readers, fixed while it is registered), a description records
# what it depended on (_deps: the waiters', readers' and named tasks' ids), and the refresh
# re-describes the sockets of the tasks that changed state since the last turn (the runtime
# lists them: _loopscope.trace_changed_tasks).
_dirty = set()
# id of a future or stream reader its handles can wake -> fds whose target depends on it;
# and fd -> those ids. The same for the tasks a target names (they change at every step).
_deps = {}
_fd_deps = {}
_named_deps = {}
_fd_named = {}
# fd -> [data, kind, items, static ids]: kind 'const' (items: the text), 'handles' (items:
# (handle, name, waiters, reader, skip_cancelled) each) or 'full' (_describe_data each time).
_plans = {}
# fds registered with data of the user's (its repr may change any time): described each turn.
_volatile = set()
# Every socket described at every turn, as before the refresh was incremental (tests/net.rs
# sets it to check that both send the same events).
_full_refresh = [False]


def touch(fd):
    """`fd`'s socket changed in a way only the trace sees: describe it at the next turn."""
    if _TRACE and fd is not None:
        _dirty.add(fd)


def touch_reader(reader):
    """A StreamReader took or dropped its waiter: the sockets whose handles wake it."""
    fds = _deps.get(id(reader))
    if fds:
        _dirty.update(fds)


def _touch_peer(ep):
    peer = getattr(ep, 'peer', None)
    if peer is None:
        peer = getattr(ep, 'client', None)
    fd = getattr(peer, 'fd', None)
    if fd is not None:
        _dirty.add(fd)


def _set_deps(fd, new):
    old = _fd_deps.pop(fd, ())
    for k in old:
        fds = _deps.get(k)
        if fds is not None:
            fds.discard(fd)
            if not fds:
                del _deps[k]
    if new:
        _fd_deps[fd] = new
        for k in new:
            fds = _deps.get(k)
            if fds is None:
                _deps[k] = {fd}
            else:
                fds.add(fd)


def _forget_plan(fd):
    _plans.pop(fd, None)
    _volatile.discard(fd)
    if fd in _fd_deps:
        _set_deps(fd, ())
    if fd in _fd_named:
        _set_named(fd, None)


def _set_named(fd, new):
    old = _fd_named.pop(fd, None)
    if old is not None:
        for k in old:
            fds = _named_deps.get(k)
            if fds is not None:
                fds.discard(fd)
                if not fds:
                    del _named_deps[k]
    if new is not None:
        _fd_named[fd] = new
        for k in new:
            fds = _named_deps.get(k)
            if fds is None:
                _named_deps[k] = {fd}
            else:
                fds.add(fd)


def _plan_handle(h, skip_cancelled):
    cb = h._callback
    name = (getattr(cb, '__qualname__', None)
            or getattr(getattr(cb, '__func__', None), '__qualname__', None) or repr(cb))
    # A transport's reader wakes the task waiting on its StreamReader.
    proto = getattr(getattr(cb, '__self__', None), '_protocol', None)
    reader = getattr(proto, '_stream_reader', None) if proto is not None else None
    return (h, name, list(h._args), reader, skip_cancelled)


def _new_plan(fd, data):
    """How to describe `data` again cheaply (what _describe_data does, with what stays fixed
    while it is registered worked out once)."""
    kind, items = 'full', None
    if isinstance(data, tuple) and len(data) == 2:
        r, w = data
        if (r is None or hasattr(r, '_callback')) and (w is None or hasattr(w, '_callback')):
            kind = 'handles'
            items = [_plan_handle(h, True) for h in data if h is not None]
    elif hasattr(data, '_callback'):
        kind = 'handles'
        items = [_plan_handle(data, False)]
    elif data is None or callable(data):
        kind, items = 'const', _describe_data(data)
    static = ()
    if kind == 'handles':
        ids = []
        for h, name, waiters, reader, skip in items:
            for w in waiters:
                ids.append(id(w))
            if reader is not None:
                ids.append(id(reader))
        static = tuple(ids)
    if kind == 'full':
        _volatile.add(fd)
    else:
        _volatile.discard(fd)
    p = [data, kind, items, static]
    _plans[fd] = p
    if _fd_deps.get(fd, ()) != static:
        _set_deps(fd, static)
    return p


def _run_plan(fd, p):
    kind = p[1]
    if kind == 'const':
        return p[2]
    first = _first_waiting[0]
    if first is None:
        aio = _sys.modules.get('asyncio')
        first = getattr(aio, '_first_task_waiting_on', None) if aio is not None else None
        _first_waiting[0] = first
    if kind == 'full' or first is None:
        return _describe_data(p[0])
    out = None
    named = None
    for h, name, waiters, reader, skip in p[2]:
        if h._cancelled:
            if skip:
                continue
            # A lone handle is described even when cancelled (as _describe_data does).
            return _describe_data(p[0])
        if reader is not None:
            waiters = waiters + [getattr(reader, '_waiter', None)]
        t = first(waiters)
        if t is not None:
            name = f'{name} (wakes {t.get_name()})'
            named = (id(t),) if named is None else named + (id(t),)
        out = name if out is None else out + ' / ' + name
    if _fd_named.get(fd) != named:
        _set_named(fd, named)
    return '' if out is None else out


# trace_all(): send every socket's state that changed (the loop calls this at each turn;
# only the trace: nothing changed for the selectors): the sockets of the tasks that changed
# state (_ls.trace_changed_tasks, through _named_deps and _deps), the volatile ones and the
# touched ones (_dirty). Native (mod.rs): thousands of tasks change state at a C10K turn.
trace_all = _loopscope_net_native.trace_all


def trace_items():
    """Every socket and registration, for the trace's snapshots."""
    fds = sorted(set(_sockets) | set(_registrations))
    return [_fd_state(fd) for fd in fds]


# ---------------------------------------------------------------- HTTP servers

_REASONS = {200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently',
            302: 'Found', 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed',
            418: "I'm a teapot", 500: 'Internal Server Error', 503: 'Service Unavailable'}


class HttpServerSide:
    """A simulated host's end of one connection: reads one request, answers, closes."""

    fd = None

    def __init__(self, client, host):
        self.client = client
        self.host = host
        self.buf = b''
        self.state = 'connected'
        self.answered = False
        self.inbound = 0
        self.out = _Link(host)

    def _arrive(self, t, kind, data):
        if self.state == 'closed':
            return
        if kind == 'data':
            self.buf += data
            trace_fd(self.client.fd)
            self._maybe_answer(t)
        elif kind == 'eof':
            if not self.answered:
                # Nothing complete arrived: close our side too.
                self.state = 'closed'
                self.out.control(t, self.client, 'eof')

    def _maybe_answer(self, t):
        if self.answered:
            return
        head, sep, body = self.buf.partition(b'\r\n\r\n')
        if not sep:
            if b'\n\n' in self.buf:
                head, sep, body = self.buf.partition(b'\n\n')
            else:
                return
        lines = head.decode('latin-1').split('\n')
        headers = {}
        for line in lines[1:]:
            k, _, v = line.partition(':')
            headers[k.strip().lower()] = v.strip()
        n = int(headers.get('content-length', '0') or 0)
        if len(body) < n:
            return
        self.answered = True
        h = self.host
        if h.fault == 'reset':
            self.state = 'closed'
            self.out.control(t, self.client, 'rst')
            return
        if h.fault == 'hang':
            return
        parts = lines[0].strip().split(' ')
        method = parts[0] if parts else ''
        target = parts[1] if len(parts) > 1 else '/'
        version = parts[2] if len(parts) > 2 else 'HTTP/1.0'
        if version not in ('HTTP/1.0', 'HTTP/1.1'):
            version = 'HTTP/1.0'
        status, ctype, payload, extra_delay = self._route(method, target, headers,
                                                          body[:n])
        reason = _REASONS.get(status, 'Unknown')
        head = (f'{version} {status} {reason}\r\n'
                f'Content-Type: {ctype}\r\n'
                f'Content-Length: {len(payload)}\r\n'
                f'Server: loopscope-sim\r\n'
                f'Connection: close\r\n\r\n').encode('latin-1')
        msg = head if method == 'HEAD' else head + payload
        at = t + h.delay + extra_delay
        self.out.send(at, self.client, msg)
        self.out.control(at, self.client, 'eof')
        self.state = 'closed'

    def _route(self, method, target, headers, body):
        h = self.host
        path = target.split('?')[0]
        if method not in ('GET', 'HEAD', 'POST'):
            return 405, 'text/plain', b'Method Not Allowed\n', 0.0
        if getattr(h, 'special', None) == 'httpbin':
            r = _httpbin(h, method, path, target, headers, body)
            if r is not None:
                return r
        page = h.pages.get(path)
        if page is None:
            return 404, 'text/html; charset=utf-8', _page_html(
                '404 Not Found', f'{path} was not found on {h.name}.').encode(), 0.0
        status, ctype, payload = page
        return status, ctype, payload, 0.0


def _httpbin(h, method, path, target, headers, body):
    url = f'http://{h.name}{target}'
    if path in ('/get', '/post', '/anything'):
        doc = {'url': url, 'method': method,
               'headers': {k.title(): v for k, v in headers.items()}}
        if body:
            doc['data'] = body.decode('utf-8', 'replace')
        return 200, 'application/json', _json.dumps(doc).encode(), 0.0
    if path.startswith('/delay/'):
        try:
            n = float(path[len('/delay/'):])
        except ValueError:
            return None
        doc = {'url': url, 'delay': n}
        return 200, 'application/json', _json.dumps(doc).encode(), n
    if path.startswith('/status/'):
        try:
            code = int(path[len('/status/'):])
        except ValueError:
            return None
        return code, 'text/plain', b'', 0.0
    return None


_defaults()

# The backend protocol's own waits (src/net/README.md, "Backends"): the simulated network
# has none, so selectors waits on the virtual clock itself.
wait_ready = None
would_block_forever = None
