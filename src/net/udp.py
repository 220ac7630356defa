"""UDP (SOCK_DGRAM) on either network, loaded on first use: socket(AF_INET, SOCK_DGRAM) and
socket.sendto/recvfrom (natives on the socket class) import this, and so does
loop.create_datagram_endpoint. Scripts without UDP allocate no object more, so their object
ids, and with them their traces, are what they were before UDP existed.

On the simulated network a datagram reaches the socket bound to its address one latency of
the host later (none on localhost), or is lost when nobody is bound there (simulated hosts
serve no UDP). On the real network (--clock real) they are the OS's datagrams.
"""

import collections

import loopscope.net as _net

SOCK_DGRAM = 2
_REAL = getattr(_net, 'REAL', False)

# (name, port) -> the simulated socket bound there.
_bound = {}


class SimDatagramEndpoint:
    """A simulated UDP socket (the fields the socket layer and the trace read, as Endpoint)."""

    kind = SOCK_DGRAM

    def __init__(self):
        self.fd = _net.alloc_fd()
        _net._sockets[self.fd] = self
        self.state = 'new'
        self.dgrams = []
        # Bytes in flight to it, as the trace counts them for TCP (datagrams are not counted).
        self.inbound = 0
        self.rbuf = b''
        self.eof = False
        self.error = 0
        self.peer = None
        self.laddr = ('0.0.0.0', 0)
        self.raddr = None
        self.backlog = []
        self.wr_shut = False
        self.host = None
        self.bound = None
        _net.trace_fd(self.fd)

    def has_peer(self):
        return self.state == 'connected'

    def readable(self):
        _net.pump()
        return bool(self.dgrams) or bool(self.error) or self.state == 'closed'

    def writable(self):
        return self.state != 'closed'

    def _arrive(self, t, kind, data):
        if self.state != 'closed' and kind == 'dgram':
            self.dgrams.append(data)
            _net.trace_fd(self.fd)

    def bind(self, addr):
        host, port = addr
        name = _net._canon(host)
        if port == 0:
            port = _net._ephemeral()
        if (name, port) in _bound:
            raise _net.os_error(_net.EADDRINUSE)
        # As the OS: a wildcard bind (or the implicit one of a first sendto) names 0.0.0.0.
        self.laddr = ('127.0.0.1' if host == 'localhost' else host or '0.0.0.0', port)
        self.bound = (name, port)
        _bound[self.bound] = self

    def _target(self, addr):
        name = _net._canon(addr[0])
        if name != 'localhost' and name not in _net._ips_by_name:
            raise _net.gaierror(-2, 'Name or service not known')
        ip = '127.0.0.1' if name == 'localhost' else _net.resolve(name)
        return name, (ip, addr[1])

    def connect(self, addr):
        _, self.raddr = self._target(addr)
        if self.bound is None:
            self.bind(('0.0.0.0', 0))
        self.state = 'connected'
        _net.trace_fd(self.fd)

    def sendto(self, data, addr):
        name, dest = self._target(addr)
        if self.bound is None:
            self.bind(('0.0.0.0', 0))
        to = _bound.get((name, dest[1]))
        if to is None and name == 'localhost':
            to = _bound.get(('0.0.0.0', dest[1]))
        if to is not None:
            h = _net._hosts.get(_net._key(name, dest[1])) or _net._hosts.get(_net._key(name, 80))
            latency = h.latency if h is not None and name != 'localhost' else 0.0
            src = ('127.0.0.1' if name == 'localhost' else '192.168.1.2', self.laddr[1])
            _net._schedule(_net._now() + latency, to, 'dgram', (bytes(data), src))
        return len(data)

    def send(self, data):
        return self.sendto(data, self.raddr)

    def shutdown_write(self):
        pass

    def close(self):
        if self.state == 'closed':
            return
        self.state = 'closed'
        if self.bound is not None and _bound.get(self.bound) is self:
            del _bound[self.bound]
        _net.free_fd(self.fd)
        _net._sockets.pop(self.fd, None)
        _net.trace_fd(self.fd)


def endpoint():
    """A new UDP socket's endpoint on this run's network."""
    if _REAL:
        return _net.Endpoint(kind=SOCK_DGRAM)
    return SimDatagramEndpoint()


def _is_dgram(sock):
    return getattr(sock._ep, 'kind', 1) == SOCK_DGRAM


def sendto(sock, data, flags_or_addr, addr=None):
    """socket.sendto(data[, flags], address)."""
    import socket as _socket
    if addr is None:
        addr = flags_or_addr
    sock._check()
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    if not _is_dgram(sock):
        raise OSError(_net.EISCONN, _net.strerror(_net.EISCONN))
    host, port = _socket._check_addr(addr)
    n = sock._ep.sendto(bytes(data), (host, port))
    _net.trace_fd(sock._ep.fd)
    return n


def recvfrom(sock, bufsize, flags=0):
    """socket.recvfrom(bufsize[, flags]): one datagram and its sender."""
    sock._check()
    if bufsize < 0:
        raise ValueError('negative buffersize in recvfrom')
    if not _is_dgram(sock):
        return sock.recv(bufsize, flags), None
    ep = sock._ep
    if sock._timeout == 0.0:
        _net.pump()
        if not (ep.dgrams or ep.error):
            raise _net.os_error(_net.EAGAIN)
    else:
        sock._wait(lambda: bool(ep.dgrams) or bool(ep.error))
    if ep.error and not ep.dgrams:
        err, ep.error = ep.error, 0
        _net.touch(ep.fd)
        raise _net.os_error(err)
    data, addr = ep.dgrams[0] if flags & 2 else ep.dgrams.pop(0)
    _net.trace_fd(ep.fd)
    return data[:bufsize], addr


# ---------------------------------------------------------------- asyncio

_transport_class = [None]


def _datagram_transport():
    """CPython's selector_events._SelectorDatagramTransport, on asyncio.streams' transport
    (defined on first use: asyncio's I/O half loads only with it)."""
    if _transport_class[0] is not None:
        return _transport_class[0]
    import asyncio.streams as _s

    class _SelectorDatagramTransport(_s._SelectorTransport):
        __module__ = 'asyncio.selector_events'
        _buffer_factory = collections.deque

        def __init__(self, loop, sock, protocol, address=None, waiter=None, extra=None):
            super().__init__(loop, sock, protocol, extra)
            self._address = address
            self._buffer_size = 0
            self._loop.call_soon(self._protocol.connection_made, self)
            # only start reading when connection_made() has been called
            self._loop.call_soon(self._add_reader, self._sock_fd, self._read_ready)
            if waiter is not None:
                # only wake up the waiter when connection_made() has been called
                self._loop.call_soon(_s.futures._set_result_unless_cancelled, waiter, None)

        def get_write_buffer_size(self):
            return self._buffer_size

        def _read_ready(self):
            if self._conn_lost:
                return
            try:
                data, addr = self._sock.recvfrom(self.max_size)
            except (BlockingIOError, InterruptedError):
                pass
            except OSError as exc:
                self._protocol.error_received(exc)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal read error on datagram transport')
            else:
                self._protocol.datagram_received(data, addr)

        def sendto(self, data, addr=None):
            # asyncio.streams' stand-ins where the VM lacks bytearray/memoryview.
            if not isinstance(data, (bytes, _s.bytearray, _s.memoryview)):
                raise TypeError(f'data argument must be a bytes-like object, '
                                f'not {type(data).__name__!r}')
            if not data:
                return
            if self._address:
                if addr not in (None, self._address):
                    raise ValueError(
                        f'Invalid address: must be None or {self._address}')
                addr = self._address
            if self._conn_lost and self._address:
                self._conn_lost += 1
                return
            if not self._buffer:
                # Attempt to send it right away first.
                try:
                    if self._extra['peername']:
                        self._sock.send(data)
                    else:
                        self._sock.sendto(data, addr)
                    return
                except (BlockingIOError, InterruptedError):
                    self._loop._add_writer(self._sock_fd, self._sendto_ready)
                except OSError as exc:
                    self._protocol.error_received(exc)
                    return
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException as exc:
                    self._fatal_error(exc, 'Fatal write error on datagram transport')
                    return
            # Ensure that what we buffer is immutable.
            self._buffer.append((bytes(data), addr))
            self._buffer_size += len(data)

        def _sendto_ready(self):
            while self._buffer:
                data, addr = self._buffer.popleft()
                self._buffer_size -= len(data)
                try:
                    if self._extra['peername']:
                        self._sock.send(data)
                    else:
                        self._sock.sendto(data, addr)
                except (BlockingIOError, InterruptedError):
                    self._buffer.appendleft((data, addr))  # Try again later.
                    self._buffer_size += len(data)
                    break
                except OSError as exc:
                    self._protocol.error_received(exc)
                    return
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException as exc:
                    self._fatal_error(exc, 'Fatal write error on datagram transport')
                    return
            if not self._buffer:
                self._loop._remove_writer(self._sock_fd)
                if self._closing:
                    self._call_connection_lost(None)

    # Named as CPython's module-level class (--handles prints these names).
    _SelectorDatagramTransport.__qualname__ = '_SelectorDatagramTransport'
    for name, f in list(_SelectorDatagramTransport.__dict__.items()):
        if hasattr(f, '__qualname__') and callable(f):
            f.__qualname__ = '_SelectorDatagramTransport.' + name
    _transport_class[0] = _SelectorDatagramTransport
    return _SelectorDatagramTransport


async def create_datagram_endpoint(loop, protocol_factory, local_addr=None, remote_addr=None,
                                   *, family=0, proto=0, flags=0, reuse_port=None,
                                   allow_broadcast=None, sock=None):
    """loop.create_datagram_endpoint (IPv4; names resolve at once, as for TCP here)."""
    import socket
    transport_class = _datagram_transport()
    if sock is not None:
        if sock.type != socket.SOCK_DGRAM:
            raise ValueError(f'A UDP Socket was expected, got {sock!r}')
        if (local_addr or remote_addr or family or proto or flags or reuse_port
                or allow_broadcast):
            opts = dict(local_addr=local_addr, remote_addr=remote_addr, family=family,
                        proto=proto, flags=flags, reuse_port=reuse_port,
                        allow_broadcast=allow_broadcast)
            problems = ', '.join(f'{k}={v}' for k, v in opts.items() if v)
            raise ValueError(f'socket modifier keyword arguments can not be used '
                             f'when sock is specified. ({problems})')
        sock.setblocking(False)
        r_addr = None
    else:
        if not (local_addr or remote_addr):
            if family == 0:
                raise ValueError('unexpected address family')
        if family not in (0, socket.AF_INET):
            raise OSError(97, 'Address family not supported by protocol (loopscope has '
                          'IPv4 only)')
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        r_addr = None
        try:
            sock.setblocking(False)
            if local_addr:
                sock.bind(local_addr)
            if remote_addr:
                if not allow_broadcast:
                    await loop.sock_connect(sock, remote_addr)
                r_addr = remote_addr
        except BaseException:
            sock.close()
            raise
    protocol = protocol_factory()
    waiter = loop.create_future()
    # What _make_datagram_transport does first: the loop's selector (and transports table).
    loop._ensure_selector()
    transport = transport_class(loop, sock, protocol, r_addr, waiter)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol
