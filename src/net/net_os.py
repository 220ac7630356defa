"""loopscope.net on the operating system's network (the native `--clock real` runtime).

The same backend protocol as the simulated network (net.py; src/net/README.md, "Backends"),
over real non-blocking sockets: `_loopscope_os` (src/net/backend.rs) gives the primitive
calls, the native binary implements them with the OS readiness API. Each socket keeps the
state socket.py reads (state, rbuf, eof, error, backlog); `pump()` applies what the OS
reported ready: a readable socket is drained into `rbuf` (readiness is edge-triggered),
a listening one accepts into `backlog`, a connecting one learns its result from SO_ERROR,
and bytes the kernel would not take yet leave when the socket is writable again (so a send
never blocks, as on the simulated network).
"""

import sys as _sys
from collections import deque as _deque

try:
    import _loopscope as _ls
    _TRACE = bool(_ls.TRACE)
except ImportError:
    _ls = None
    _TRACE = False

_os = _loopscope_os
_now = _loopscope_net_native.now
_advance = _loopscope_net_native.advance
_advance_wake = _loopscope_net_native.advance_wake
_threads_alive = _loopscope_net_native.threads_alive

REAL = True
_EPS = 1e-9
CONNECT_TIMEOUT = 127.0
MSS = 1460
# How long a wait lasts at most while other threads live: they run (on the GIL model) between
# two looks at the OS.
_SLICE = 0.002

EPERM = 1
EINTR = 4
EBADF = 9
EAGAIN = 11
EACCES = 13
EINVAL = 22
EPIPE = 32
EADDRINUSE = 98
EADDRNOTAVAIL = 99
ENETUNREACH = 101
ECONNABORTED = 103
ECONNRESET = 104
EISCONN = 106
ENOTCONN = 107
ETIMEDOUT = 110
ECONNREFUSED = 111
EHOSTUNREACH = 113
EALREADY = 114
EINPROGRESS = 115

_STRERROR = {
    EPERM: 'Operation not permitted',
    EINTR: 'Interrupted system call',
    EINPROGRESS: 'Operation now in progress',
    EAGAIN: 'Resource temporarily unavailable',
    EACCES: 'Permission denied',
    ECONNREFUSED: 'Connection refused',
    ECONNRESET: 'Connection reset by peer',
    ECONNABORTED: 'Software caused connection abort',
    ETIMEDOUT: 'Connection timed out',
    EPIPE: 'Broken pipe',
    EBADF: 'Bad file descriptor',
    ENOTCONN: 'Transport endpoint is not connected',
    EISCONN: 'Transport endpoint is already connected',
    EADDRINUSE: 'Address already in use',
    EADDRNOTAVAIL: 'Cannot assign requested address',
    ENETUNREACH: 'Network is unreachable',
    EHOSTUNREACH: 'No route to host',
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
        ECONNABORTED: ConnectionAbortedError, ETIMEDOUT: TimeoutError, EPIPE: BrokenPipeError,
        EPERM: PermissionError, EACCES: PermissionError,
    }.get(code, OSError)
    return cls(code, strerror(code))


class gaierror(OSError):
    __module__ = 'socket'


def _call(f, *args):
    err, value = f(*args)
    if err:
        raise os_error(err)
    return value


def drive(coro):
    """A generator that runs `coro` to completion (what coro.__await__() gives in CPython),
    for the awaitable wrappers of the client libraries (session.get(...))."""
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


# ---------------------------------------------------------------- names


def _is_ipv4(name):
    parts = name.split('.')
    return len(parts) == 4 and all(p.isdigit() and 0 <= int(p) <= 255 for p in parts)


def getaddrinfo(host):
    """The IPv4 addresses of `host` (the OS resolver; socket.gaierror if it has none)."""
    if host in (None, ''):
        return ['0.0.0.0']
    if host == 'localhost':
        return ['127.0.0.1']
    if _is_ipv4(host):
        return [host]
    code, ips = _os.resolve(host)
    if code:
        raise gaierror(code, ips)
    if not ips:
        raise gaierror(-5, 'No address associated with hostname')
    return ips


def resolve(name):
    """The (first) IPv4 address of a host name."""
    return getaddrinfo(name)[0]


# ---------------------------------------------------------------- sockets

# Every OS socket by fd (accepted ones too, before accept() hands them out: data may arrive
# for them first), and the ones the script holds (what the trace lists).
_all = {}
_sockets = {}


def sockets():
    """The open sockets, by fd."""
    return dict(_sockets)


def hosts():
    return {}


def in_flight():
    """(fd, bytes) for each socket with bytes the kernel has not taken yet."""
    return sorted((fd, len(ep.out)) for fd, ep in _sockets.items() if ep.out)


class Endpoint:
    """One OS socket: what a socket object wraps (the fields socket.py reads are net.py's)."""

    def __init__(self, with_fd=True, fd=None, kind=1):
        if fd is None:
            fd = _call(_os.socket, kind)
        self.fd = fd
        self.kind = kind
        _all[fd] = self
        if with_fd:
            _sockets[fd] = self
        self.state = 'new'
        self.rbuf = b''
        self.eof = False
        self.error = 0
        self.peer = None
        self.out = b''
        self.laddr = ('0.0.0.0', 0)
        self.raddr = None
        self.backlog = _deque()
        self.wr_shut = False
        self.shut_pending = False
        self.bound = None
        # Datagrams received: (data, address), oldest first.
        self.dgrams = []
        trace_fd(self.fd if with_fd else None)

    def has_peer(self):
        return self.state == 'connected' and not (self.wr_shut and self.eof)

    def readable(self):
        if self.kind == 2:
            return bool(self.dgrams) or bool(self.error)
        if self.state == 'listening':
            return bool(self.backlog)
        return bool(self.rbuf) or self.eof or bool(self.error) or self.state == 'closed'

    def writable(self):
        if self.kind == 2:
            return self.state != 'closed'
        return self.state == 'connected' or bool(self.error)

    def _local(self):
        err, addr = _os.local_addr(self.fd)
        if not err:
            self.laddr = addr

    # What the OS reported.
    def _ready(self, readable, writable, closed):
        if self.state == 'closed':
            return
        if self.kind == 2:
            if readable or closed:
                self._drain_dgrams()
            trace_fd(self.fd)
            return
        if self.state == 'connecting' and (writable or closed or readable):
            err = _call(_os.take_error, self.fd)
            if err:
                self.state = 'failed'
                self.error = err
            elif not _os.peer_addr(self.fd)[0]:
                # Connected (an event from before connect() was called says nothing yet).
                self.state = 'connected'
                self._local()
        if self.state == 'listening':
            if readable:
                self._accept_all()
        elif self.state == 'connected':
            if readable or closed:
                self._drain()
            if self.out and (writable or closed):
                self._flush()
        trace_fd(self.fd)

    def _accept_all(self):
        while True:
            err, got = _os.accept(self.fd)
            if err:
                return
            fd, addr = got
            ep = Endpoint(with_fd=False, fd=fd)
            ep.state = 'connected'
            ep.raddr = addr
            ep._local()
            self.backlog.append(ep)

    def _drain(self):
        while not self.eof:
            err, data = _os.recv(self.fd, 65536)
            if err == EAGAIN:
                return
            if err:
                self.error = err
                self.eof = True
                return
            if not data:
                self.eof = True
                return
            self.rbuf += data

    def _drain_dgrams(self):
        while True:
            err, got = _os.recvfrom(self.fd, 65536)
            if err == EAGAIN:
                return
            if err:
                self.error = err
                return
            self.dgrams.append(got)

    def _flush(self):
        while self.out:
            err, n = _os.send(self.fd, self.out)
            if err == EAGAIN:
                return
            if err:
                self.error = err
                self.out = b''
                return
            self.out = self.out[n:]
        if self.shut_pending:
            self.shut_pending = False
            _os.shutdown(self.fd, 1)

    def bind(self, addr):
        host, port = addr
        ip = resolve(host)
        _call(_os.bind, self.fd, ip, port)
        self._local()
        self.bound = self.laddr

    def listen(self, backlog=128):
        if self.bound is None:
            self.bind(('0.0.0.0', 0))
        _call(_os.listen, self.fd, backlog)
        self.state = 'listening'
        trace_fd(self.fd)

    def connect(self, addr):
        """Start connecting (non-blocking); the result lands with the socket's readiness."""
        host, port = addr[0], addr[1]
        ip = resolve(host)
        self.raddr = (ip, port)
        err, _ = _os.connect(self.fd, ip, port)
        if err in (0, EINPROGRESS, EAGAIN):
            self.state = 'connected' if err == 0 else 'connecting'
            self._local()
        else:
            # Reported like a refused handshake on the simulated network: at the next look.
            self.state = 'failed'
            self.error = err
        trace_fd(self.fd)

    def adopt(self):
        """An accepted connection: the script holds it from now on."""
        _sockets[self.fd] = self
        trace_fd(self.fd)

    def send(self, data):
        if self.error in (ECONNRESET, EPIPE):
            raise os_error(EPIPE)
        data = bytes(data)
        rest = data
        if not self.out:
            err, n = _os.send(self.fd, data)
            if err and err != EAGAIN:
                raise os_error(err)
            rest = data[(n or 0):]
        self.out += rest
        trace_fd(self.fd)
        return len(data)

    def shutdown_write(self):
        if not self.wr_shut and self.state == 'connected':
            self.wr_shut = True
            if self.out:
                self.shut_pending = True
            else:
                _os.shutdown(self.fd, 1)

    def close(self):
        if self.state == 'closed':
            return
        if self.out:
            self._flush()
        for ep in self.backlog:
            ep.close()
        self.backlog = _deque()
        self.state = 'closed'
        _os.close(self.fd)
        _all.pop(self.fd, None)
        if _sockets.pop(self.fd, None) is not None:
            trace_fd(self.fd)

    # Datagrams (SOCK_DGRAM).
    def sendto(self, data, addr):
        ip = resolve(addr[0])
        n = _call(_os.sendto, self.fd, bytes(data), ip, addr[1])
        if self.bound is None:
            # The OS bound it to an ephemeral port.
            self._local()
        return n


def _apply(events):
    for fd, readable, writable, closed in events:
        ep = _all.get(fd)
        if ep is not None:
            ep._ready(readable, writable, closed)


def pump():
    """Apply everything the OS reported ready (without waiting)."""
    _apply(_os.poll(0.0))


def next_due():
    return None


def _block(remaining):
    """Wait for the OS up to `remaining` seconds (None: no limit); while other threads live,
    they run meanwhile (in slices, between two looks at the OS). True when one of them woke
    the event loop (call_soon_threadsafe)."""
    if _threads_alive():
        dt = _SLICE if remaining is None else min(remaining, _SLICE)
        woken = _advance_wake(dt)
        pump()
        return bool(woken)
    _apply(_os.poll(remaining))
    return False


def wait_until(deadline, ready):
    """Block the program until ready() or `deadline` (None: no limit): a blocking socket call.
    Returns ready()'s last value."""
    pump()
    r = ready()
    while not r:
        remaining = None if deadline is None else deadline - _now()
        if remaining is not None and remaining <= 0:
            break
        if _threads_alive():
            # A blocking call releases the GIL: the others run while this thread sleeps.
            _advance(_SLICE if remaining is None else min(remaining, _SLICE))
            pump()
        else:
            _apply(_os.poll(remaining))
        r = ready()
    return r


def wait_ready(timeout, poll):
    """A selector's wait: until poll() returns something or `timeout` passes (None: no
    limit), blocking in the OS's readiness API."""
    pump()
    ready = poll()
    if ready or (timeout is not None and timeout <= 0):
        return ready
    deadline = None if timeout is None else _now() + timeout
    while True:
        remaining = None if deadline is None else deadline - _now()
        if remaining is not None and remaining <= 0:
            return poll()
        if _block(remaining):
            return poll()
        ready = poll()
        if ready:
            return ready


def would_block_forever(selector):
    """select(None) could never return: nothing is watched and no other thread lives (with a
    watched socket, the world outside may always answer, as for CPython)."""
    return not _threads_alive() and not selector._fd_to_key


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
    for t in aio._all_tasks_alive():
        if t._fut_waiter is fut and not t.done():
            return t
    return None


def _qualname(fn):
    return (getattr(fn, '__qualname__', None)
            or getattr(getattr(fn, '__func__', None), '__qualname__', None) or repr(fn))


def _describe_handle(h):
    cb = h._callback
    name = _qualname(cb)
    waiters = list(h._args)
    proto = getattr(getattr(cb, '__self__', None), '_protocol', None)
    reader = getattr(proto, '_stream_reader', None) if proto is not None else None
    if reader is not None:
        waiters.append(getattr(reader, '_waiter', None))
    for w in waiters:
        t = _task_waiting_on(w)
        if t is not None:
            return f'{name} (wakes {t.get_name()})'
    return name


def _describe_data(data):
    if isinstance(data, tuple) and len(data) == 2 and all(
            x is None or hasattr(x, '_callback') for x in data):
        parts = [_describe_handle(h) for h in data if h is not None and not h._cancelled]
        return ' / '.join(parts)
    if hasattr(data, '_callback'):
        return _describe_handle(data)
    if data is None:
        return ''
    if callable(data):
        return _qualname(data)
    r = repr(data)
    return r if len(r) <= 80 else r[:77] + '...'


def _addr_words(addr):
    return '?' if addr is None else f'{addr[0]}:{addr[1]}'


def _socket_words(ep):
    st = ep.state
    if ep.kind == 2:
        words = f'UDP on {_addr_words(ep.laddr)}'
        if ep.dgrams:
            words += f', {len(ep.dgrams)} datagrams to read'
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
    unsent = len(ep.out) if ep is not None else 0
    return (fd, events, unsent, 'closed' if ep is None else _socket_words(ep), target)


def touch(fd):
    """A change only the trace sees (the simulated network describes it at the loop's next
    turn); the OS network describes every socket at each turn, so nothing to note."""


def trace_fd(fd):
    """Send `fd`'s state to the trace if it changed (tracing runs only)."""
    if not _TRACE or fd is None:
        return
    st = _fd_state(fd)
    if _traced.get(fd) != st:
        _traced[fd] = st
        _ls.trace('io', *st)
    if st[3] == 'closed' and not st[1]:
        _traced.pop(fd, None)


def trace_all():
    """Send every socket's state that changed (the loop calls this at each turn)."""
    for fd in sorted(set(_sockets) | set(_registrations)):
        trace_fd(fd)


def trace_items():
    """Every socket and registration, for the trace's snapshots."""
    return [_fd_state(fd) for fd in sorted(set(_sockets) | set(_registrations))]


def _simulation_only(name):
    def f(*args, **kwargs):
        raise RuntimeError(f'loopscope.net.{name}() configures the simulated network; '
                           'this run uses the real one (--clock real)')
    f.__name__ = name
    return f


for _name in ('set_latency', 'set_bandwidth', 'set_delay', 'add_host', 'add_page',
              'remove_page', 'refuse', 'blackhole', 'hang', 'reset', 'restore', 'round_trip'):
    globals()[_name] = _simulation_only(_name)
del _name
