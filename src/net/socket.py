"""socket, on loopscope's simulated network (loopscope.net): TCP/IPv4 stream sockets only.

Blocking calls block the whole program on the virtual clock (like time.sleep); non-blocking
calls raise BlockingIOError with CPython's errno and message.
"""

import loopscope.net as _net

AF_UNSPEC = 0
AF_UNIX = 1
AF_INET = 2
AF_INET6 = 10
SOCK_STREAM = 1
SOCK_DGRAM = 2
SOCK_RAW = 3
SOCK_NONBLOCK = 2048
SOCK_CLOEXEC = 524288
SOL_SOCKET = 1
SO_REUSEADDR = 2
SO_ERROR = 4
SO_KEEPALIVE = 9
SO_REUSEPORT = 15
SO_SNDBUF = 7
SO_RCVBUF = 8
IPPROTO_TCP = 6
IPPROTO_UDP = 17
IPPROTO_IP = 0
TCP_NODELAY = 1
SHUT_RD = 0
SHUT_WR = 1
SHUT_RDWR = 2
SOMAXCONN = 4096
MSG_PEEK = 2
AI_PASSIVE = 1
IPPROTO_IPV6 = 41
IPV6_V6ONLY = 26

_FAMILY = {AF_INET: 'AddressFamily.AF_INET', AF_INET6: 'AddressFamily.AF_INET6',
           AF_UNIX: 'AddressFamily.AF_UNIX'}
_KIND = {SOCK_STREAM: 'SocketKind.SOCK_STREAM', SOCK_DGRAM: 'SocketKind.SOCK_DGRAM'}

error = OSError
timeout = TimeoutError
gaierror = _net.gaierror


class herror(OSError):
    pass


_default_timeout = [None]


def getdefaulttimeout():
    return _default_timeout[0]


def setdefaulttimeout(t):
    _default_timeout[0] = t


def gethostbyname(name):
    return _net.resolve(name)


def gethostname():
    return 'loopscope'


def _check_addr(address):
    if not isinstance(address, tuple) or len(address) != 2:
        raise TypeError('AF_INET address must be a pair (host, port)')
    host, port = address
    if not isinstance(host, str):
        raise TypeError(f"str, bytes or bytearray expected, not {type(host).__name__}")
    if not isinstance(port, int):
        raise TypeError(f"'{type(port).__name__}' object cannot be interpreted as an integer")
    if not 0 <= port <= 65535:
        raise OverflowError('connect(): port must be 0-65535.')
    return host, port


class socket:
    __module__ = 'socket'

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if family == -1:
            family = AF_INET
        if type == -1:
            type = SOCK_STREAM
        if proto == -1:
            proto = 0
        if family != AF_INET or (type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) not in (1, 2):
            raise OSError(97, 'Address family not supported by protocol (loopscope has TCP '
                          'and UDP over IPv4 only)')
        self.family = family
        self.type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)
        self.proto = proto
        self._ep = fileno if isinstance(fileno, _net.Endpoint) else _net.Endpoint() if self.type == SOCK_STREAM else _udp_endpoint()
        self._timeout = _default_timeout[0]
        if type & SOCK_NONBLOCK:
            self._timeout = 0.0
        self._closed = False

    def __repr__(self):
        s = (f'<socket.socket{" [closed]" if self._closed else ""} fd={self.fileno()}, '
             f'family={_FAMILY.get(self.family, self.family)}, '
             f'type={_KIND.get(self.type, self.type)}, proto={self.proto}')
        if not self._closed:
            s += f', laddr={self._ep.laddr}'
            if self._ep.raddr is not None and self._ep.has_peer():
                s += f', raddr={self._ep.raddr}'
        return s + '>'

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        if self._closed:
            return -1
        return self._ep.fd

    def _check(self):
        if self._closed:
            raise OSError(_net.EBADF, 'Bad file descriptor')

    # ------------------------------------------------------------ blocking and timeouts

    def setblocking(self, flag):
        self._timeout = None if flag else 0.0

    def getblocking(self):
        return self._timeout != 0.0

    def settimeout(self, value):
        if value is not None:
            value = float(value)
            if value < 0:
                raise ValueError('Timeout value out of range')
        self._timeout = value

    def gettimeout(self):
        return self._timeout

    def _wait(self, ready):
        """Block (virtual clock) until ready(); TimeoutError after the socket's timeout."""
        deadline = None if self._timeout is None else _net._now() + self._timeout
        if not _net.wait_until(deadline, ready):
            raise TimeoutError('timed out')

    # ------------------------------------------------------------ connections

    def connect(self, address):
        self._check()
        err = self._connect(address)
        if err:
            raise _net.os_error(err)

    def connect_ex(self, address):
        self._check()
        try:
            return self._connect(address)
        except _net.gaierror:
            raise
        except OSError as e:
            return e.errno

    def _connect(self, address):
        host, port = _check_addr(address)
        ep = self._ep
        if ep.state == 'connected':
            return _net.EISCONN
        if ep.state == 'connecting':
            _net.pump()
            if ep.state == 'connecting':
                return _net.EALREADY
            return self._connect_result()
        if ep.state == 'failed':
            return self._connect_result()
        ep.connect((host, port))
        if self._timeout == 0.0 and ep.state == 'connecting':
            # Even on loopback the handshake completes after connect() returns (as Linux).
            return _net.EINPROGRESS
        self._wait(lambda: ep.state != 'connecting')
        return self._connect_result()

    def _connect_result(self):
        ep = self._ep
        if ep.state == 'connected':
            return 0
        err = ep.error
        ep.error = 0
        ep.state = 'new'
        _net.touch(ep.fd)
        return err

    def bind(self, address):
        self._check()
        host, port = _check_addr(address)
        self._ep.bind((host, port))

    def listen(self, backlog=128):
        self._check()
        self._ep.listen()

    def accept(self):
        self._check()
        ep = self._ep
        if ep.state != 'listening':
            raise OSError(_net.EINVAL, 'Invalid argument')
        if self._timeout == 0.0:
            _net.pump()
            if not ep.backlog:
                raise _net.os_error(_net.EAGAIN)
        else:
            self._wait(lambda: bool(ep.backlog))
        srv = ep.backlog.popleft()
        _net.trace_fd(ep.fd)
        srv.adopt()
        s = socket(self.family, self.type, self.proto, fileno=srv)
        return s, srv.raddr

    def getsockname(self):
        self._check()
        return self._ep.laddr

    def getpeername(self):
        self._check()
        _net.pump()
        if not self._ep.has_peer():
            raise OSError(_net.ENOTCONN, 'Transport endpoint is not connected')
        return self._ep.raddr

    def setsockopt(self, level, optname, value, optlen=None):
        self._check()

    def getsockopt(self, level, optname, buflen=None):
        self._check()
        if level == SOL_SOCKET and optname == SO_ERROR:
            _net.pump()
            err = self._ep.error
            if self._ep.state == 'failed':
                self._ep.error = 0
                self._ep.state = 'new'
            elif err == _net.ECONNRESET:
                self._ep.error = 0
            _net.touch(self._ep.fd)
            return err
        return 0

    # ------------------------------------------------------------ data

    def send(self, data, flags=0):
        self._check()
        ep = self._ep
        _net.pump()
        if ep.state == 'connecting' and self._timeout == 0.0:
            raise _net.os_error(_net.EAGAIN)
        if ep.state == 'connecting':
            self._wait(lambda: ep.state != 'connecting')
        if ep.state != 'connected':
            raise OSError(_net.EPIPE if ep.wr_shut else _net.ENOTCONN,
                          _net.strerror(_net.EPIPE if ep.wr_shut else _net.ENOTCONN))
        if ep.error == _net.ECONNRESET:
            ep.error = 0
            _net.touch(ep.fd)
            raise _net.os_error(_net.ECONNRESET)
        if ep.wr_shut:
            raise _net.os_error(_net.EPIPE)
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return ep.send(bytes(data))

    def sendall(self, data, flags=0):
        self.send(data, flags)

    def recv(self, bufsize, flags=0):
        self._check()
        if bufsize < 0:
            raise ValueError('negative buffersize in recv')
        ep = self._ep
        if ep.state not in ('connected', 'connecting'):
            raise OSError(_net.ENOTCONN, 'Transport endpoint is not connected')
        if self._timeout == 0.0:
            _net.pump()
            if not (ep.rbuf or ep.eof or ep.error):
                raise _net.os_error(_net.EAGAIN)
        else:
            self._wait(lambda: bool(ep.rbuf) or ep.eof or bool(ep.error))
        if ep.rbuf:
            data = ep.rbuf[:bufsize]
            if not flags & MSG_PEEK:
                ep.rbuf = ep.rbuf[bufsize:]
                _net.trace_fd(ep.fd)
            return data
        if ep.error:
            err = ep.error
            ep.error = 0
            _net.touch(ep.fd)
            raise _net.os_error(err)
        return b''

    def shutdown(self, how):
        self._check()
        if how in (SHUT_WR, SHUT_RDWR):
            self._ep.shutdown_write()

    def close(self):
        if not self._closed:
            self._ep.close()
            self._closed = True

    def detach(self):
        fd = self.fileno()
        self._closed = True
        return fd

    def makefile(self, *args, **kwargs):
        raise NotImplementedError('socket.makefile is not simulated by loopscope')


SocketType = socket


def create_connection(address, timeout=None, source_address=None):
    s = socket(AF_INET, SOCK_STREAM)
    if timeout is not None:
        s.settimeout(timeout)
    try:
        s.connect(address)
    except BaseException:
        s.close()
        raise
    return s


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    s = socket(family, SOCK_STREAM)
    s.bind(address)
    s.listen()
    return s


def socketpair(family=AF_INET, type=SOCK_STREAM, proto=0):
    """Two connected sockets (simulated over a private listener on localhost)."""
    lsock = socket(AF_INET, SOCK_STREAM)
    lsock.bind(('127.0.0.1', 0))
    lsock.listen()
    a = socket(AF_INET, SOCK_STREAM)
    a.connect(lsock.getsockname())
    b, _ = lsock.accept()
    lsock.close()
    return a, b
