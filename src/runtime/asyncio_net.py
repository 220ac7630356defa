"""asyncio's I/O half, on loopscope's simulated network: CPython 3.11's protocols,
transports, Server, create_connection/create_server, selector_events (the loop's readers,
writers, sock_* methods, _SelectorSocketTransport) and streams, re-told.

Loaded on first use (asyncio.open_connection, loop.add_reader, ...). The loop methods below are
grafted onto asyncio.BaseSelectorEventLoop / BaseEventLoop at load, so their __qualname__s are
CPython's (the --handles lines name them as CPython does). Differences: names are not resolved
through getaddrinfo in an executor (the simulated network resolves them at connect time); no
SSL, datagrams, sendfile or Unix sockets; loopscope has no bytearray, so buffers are _Buffer.
"""

import asyncio as _aio
import collections
import functools
import socket
import selectors
import _loopscope
import loopscope.net as _net

# Tracing runs: a StreamReader's waiter changes what its socket's handles wake (the IO panel's
# "wakes Task-N"); the simulated network describes only sockets that may have changed.
_touch_reader = getattr(_net, 'touch_reader', None) if getattr(_net, '_TRACE', False) else None

events = futures = tasks = exceptions = coroutines = _aio
protocols = transports = None  # this module, set below

_DEFAULT_LIMIT = 2 ** 16


class constants:
    ACCEPT_RETRY_DELAY = 1
    LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5
    SSL_HANDSHAKE_TIMEOUT = 60.0
    SSL_SHUTDOWN_TIMEOUT = 30.0
    DEBUG_STACK_DEPTH = 10


class errno:
    EMFILE = 24
    ENFILE = 23
    ENOBUFS = 105
    ENOMEM = 12


class base_events:
    _HAS_IPv6 = False

    @staticmethod
    def _check_ssl_socket(sock):
        pass

    @staticmethod
    def _set_nodelay(sock):
        pass


_check_ssl_socket = base_events._check_ssl_socket


class logger:
    @staticmethod
    def debug(msg, *args, **kwargs):
        pass

    info = debug

    @staticmethod
    def warning(msg, *args, **kwargs):
        _loopscope.log_error(msg % args if args else msg, None)

    error = warning


def _oserror(err, msg):
    # OSError(errno, msg) picks its subclass from errno in CPython.
    e = _net.os_error(err)
    return type(e)(err, msg)


def _transport_socket(sock):
    return sock


def _strong_ref(obj):
    # StreamReaderProtocol keeps a weakref to its reader; loopscope has no weakref.
    return lambda: obj


def _dedup(items):
    out = []
    for i in items:
        if i not in out:
            out.append(i)
    return out


def _test_selector_event(selector, fd, event):  # cpython: selector_events.py:32
    if selector is None:
        return False
    try:
        key = selector.get_key(fd)
    except KeyError:
        return False
    else:
        return bool(key.events & event)


class _Buffer:
    """The bytearray operations streams and transports use, over an immutable bytes."""

    def __init__(self, data=b''):
        self._b = bytes(data)

    def __len__(self):
        return len(self._b)

    def __bool__(self):
        return bool(self._b)

    def extend(self, data):
        self._b += data.tobytes() if isinstance(data, _Buffer) else bytes(data)

    def __iadd__(self, data):
        self.extend(data)
        return self

    def clear(self):
        self._b = b''

    def find(self, sub, start=0):
        return self._b.find(sub, start)

    def startswith(self, prefix, start=0):
        return self._b[start:].startswith(prefix)

    def __getitem__(self, index):
        return self._b[index]

    def __delitem__(self, index):
        if isinstance(index, slice) and index.start is None and index.step is None:
            stop = index.stop if index.stop is not None else len(self._b)
            self._b = self._b[stop:]
        else:
            raise TypeError('loopscope _Buffer supports del buf[:n] only')

    def tobytes(self):
        return self._b

    def __repr__(self):
        return f'bytearray({self._b!r})'


bytearray = _Buffer
memoryview = bytes


class AbstractServer:
    __module__ = 'asyncio.events'

    async def __aenter__(self):  # cpython: events.py:195
        return self

    async def __aexit__(self, *exc):  # cpython: events.py:198
        self.close()
        await self.wait_closed()  # cpython: events.py:200


class BaseProtocol:
    __slots__ = ()

    def connection_made(self, transport):  # cpython: protocols.py:21
        pass

    def connection_lost(self, exc):  # cpython: protocols.py:29
        pass

    def pause_writing(self):  # cpython: protocols.py:37
        pass

    def resume_writing(self):  # cpython: protocols.py:59
        pass

class Protocol(BaseProtocol):
    __slots__ = ()

    def data_received(self, data):  # cpython: protocols.py:94
        pass

    def eof_received(self):  # cpython: protocols.py:100
        pass

class BufferedProtocol(BaseProtocol):
    __slots__ = ()

    def get_buffer(self, sizehint):  # cpython: protocols.py:135
        pass

    def buffer_updated(self, nbytes):  # cpython: protocols.py:146
        pass

    def eof_received(self):  # cpython: protocols.py:153
        pass

class DatagramProtocol(BaseProtocol):
    __slots__ = ()

    def datagram_received(self, data, addr):  # cpython: protocols.py:167
        pass

    def error_received(self, exc):  # cpython: protocols.py:170
        pass

class SubprocessProtocol(BaseProtocol):
    __slots__ = ()

    def pipe_data_received(self, fd, data):  # cpython: protocols.py:182
        pass

    def pipe_connection_lost(self, fd, exc):  # cpython: protocols.py:189
        pass

    def process_exited(self):  # cpython: protocols.py:196
        pass

class BaseTransport:
    __slots__ = ('_extra',)

    def __init__(self, extra=None):  # cpython: transports.py:14
        if extra is None:
            extra = {}
        self._extra = extra

    def get_extra_info(self, name, default=None):  # cpython: transports.py:19
        return self._extra.get(name, default)

    def is_closing(self):  # cpython: transports.py:23
        raise NotImplementedError  # cpython: transports.py:25

    def close(self):  # cpython: transports.py:27
        raise NotImplementedError  # cpython: transports.py:35

    def set_protocol(self, protocol):  # cpython: transports.py:37
        raise NotImplementedError  # cpython: transports.py:39

    def get_protocol(self):  # cpython: transports.py:41
        raise NotImplementedError  # cpython: transports.py:43

class ReadTransport(BaseTransport):
    __slots__ = ()

    def is_reading(self):  # cpython: transports.py:51
        raise NotImplementedError  # cpython: transports.py:53

    def pause_reading(self):  # cpython: transports.py:55
        raise NotImplementedError  # cpython: transports.py:61

    def resume_reading(self):  # cpython: transports.py:63
        raise NotImplementedError  # cpython: transports.py:69

class WriteTransport(BaseTransport):
    __slots__ = ()

    def set_write_buffer_limits(self, high=None, low=None):  # cpython: transports.py:77
        raise NotImplementedError  # cpython: transports.py:96

    def get_write_buffer_size(self):  # cpython: transports.py:98
        raise NotImplementedError  # cpython: transports.py:100

    def get_write_buffer_limits(self):  # cpython: transports.py:102
        raise NotImplementedError  # cpython: transports.py:106

    def write(self, data):  # cpython: transports.py:108
        raise NotImplementedError  # cpython: transports.py:114

    def writelines(self, list_of_data):  # cpython: transports.py:116
        data = b''.join(list_of_data)
        self.write(data)

    def write_eof(self):  # cpython: transports.py:125
        raise NotImplementedError  # cpython: transports.py:132

    def can_write_eof(self):  # cpython: transports.py:134
        raise NotImplementedError  # cpython: transports.py:136

    def abort(self):  # cpython: transports.py:138
        raise NotImplementedError  # cpython: transports.py:145

class Transport(ReadTransport, WriteTransport):
    __slots__ = ()

class _FlowControlMixin(Transport):
    __slots__ = ('_loop', '_protocol_paused', '_high_water', '_low_water')

    def __init__(self, extra=None, loop=None):  # cpython: transports.py:270
        super().__init__(extra)
        assert loop is not None
        self._loop = loop
        self._protocol_paused = False
        self._set_write_buffer_limits()

    def _maybe_pause_protocol(self):  # cpython: transports.py:277
        size = self.get_write_buffer_size()
        if size <= self._high_water:
            return
        if not self._protocol_paused:
            self._protocol_paused = True
            try:
                self._protocol.pause_writing()
            except (SystemExit, KeyboardInterrupt):
                raise  # cpython: transports.py:286
            except BaseException as exc:
                self._loop.call_exception_handler({'message': 'protocol.pause_writing() failed', 'exception': exc, 'transport': self, 'protocol': self._protocol})

    def _maybe_resume_protocol(self):  # cpython: transports.py:295
        if self._protocol_paused and self.get_write_buffer_size() <= self._low_water:
            self._protocol_paused = False
            try:
                self._protocol.resume_writing()
            except (SystemExit, KeyboardInterrupt):
                raise  # cpython: transports.py:302
            except BaseException as exc:
                self._loop.call_exception_handler({'message': 'protocol.resume_writing() failed', 'exception': exc, 'transport': self, 'protocol': self._protocol})

    def get_write_buffer_limits(self):  # cpython: transports.py:311
        return (self._low_water, self._high_water)

    def _set_write_buffer_limits(self, high=None, low=None):  # cpython: transports.py:314
        if high is None:
            if low is None:
                high = 64 * 1024
            else:
                high = 4 * low
        if low is None:
            low = high // 4
        if not high >= low >= 0:
            raise ValueError(f'high ({high!r}) must be >= low ({low!r}) must be >= 0')
        self._high_water = high
        self._low_water = low

    def set_write_buffer_limits(self, high=None, low=None):  # cpython: transports.py:330
        self._set_write_buffer_limits(high=high, low=low)
        self._maybe_pause_protocol()

    def get_write_buffer_size(self):  # cpython: transports.py:334
        raise NotImplementedError  # cpython: transports.py:335

class Server(AbstractServer):

    def __init__(self, loop, sockets, protocol_factory, ssl_context, backlog, ssl_handshake_timeout, ssl_shutdown_timeout=None):  # cpython: base_events.py:276
        self._loop = loop
        self._sockets = sockets
        self._active_count = 0
        self._waiters = []
        self._protocol_factory = protocol_factory
        self._backlog = backlog
        self._ssl_context = ssl_context
        self._ssl_handshake_timeout = ssl_handshake_timeout
        self._ssl_shutdown_timeout = ssl_shutdown_timeout
        self._serving = False
        self._serving_forever_fut = None

    def __repr__(self):  # cpython: base_events.py:290
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'

    def _attach(self):  # cpython: base_events.py:293
        assert self._sockets is not None
        self._active_count += 1

    def _detach(self):  # cpython: base_events.py:297
        assert self._active_count > 0
        self._active_count -= 1
        if self._active_count == 0 and self._sockets is None:
            self._wakeup()

    def _wakeup(self):  # cpython: base_events.py:303
        waiters = self._waiters
        self._waiters = None
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(waiter)

    def _start_serving(self):  # cpython: base_events.py:310
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            sock.listen(self._backlog)
            self._loop._start_serving(self._protocol_factory, sock, self._ssl_context, self, self._backlog, self._ssl_handshake_timeout, self._ssl_shutdown_timeout)

    def get_loop(self):  # cpython: base_events.py:321
        return self._loop

    def is_serving(self):  # cpython: base_events.py:324
        return self._serving

    @property  # cpython: base_events.py:327
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple((_transport_socket(s) for s in self._sockets))

    def close(self):  # cpython: base_events.py:333
        sockets = self._sockets
        if sockets is None:
            return
        self._sockets = None
        for sock in sockets:
            self._loop._stop_serving(sock)
        self._serving = False
        if self._serving_forever_fut is not None and (not self._serving_forever_fut.done()):
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        if self._active_count == 0:
            self._wakeup()

    async def start_serving(self):  # cpython: base_events.py:352
        self._start_serving()
        await tasks.sleep(0)  # cpython: base_events.py:356

    async def serve_forever(self):  # cpython: base_events.py:358
        if self._serving_forever_fut is not None:
            raise RuntimeError(f'server {self!r} is already being awaited on serve_forever()')
        if self._sockets is None:
            raise RuntimeError(f'server {self!r} is closed')  # cpython: base_events.py:363
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut  # cpython: base_events.py:369
        except exceptions.CancelledError:
            try:
                self.close()
                await self.wait_closed()  # cpython: base_events.py:373
            finally:
                raise  # cpython: base_events.py:375
        finally:
            self._serving_forever_fut = None

    async def wait_closed(self):  # cpython: base_events.py:379
        if self._sockets is None or self._waiters is None:
            return
        waiter = self._loop.create_future()
        self._waiters.append(waiter)
        await waiter  # cpython: base_events.py:384

class BaseEventLoop:

    async def create_connection(self, protocol_factory, host=None, port=None, *, ssl=None, family=0, proto=0, flags=0, sock=None, local_addr=None, server_hostname=None, ssl_handshake_timeout=None, ssl_shutdown_timeout=None, happy_eyeballs_delay=None, interleave=None):  # cpython: base_events.py:987
        if server_hostname is not None and (not ssl):
            raise ValueError('server_hostname is only meaningful with ssl')  # cpython: base_events.py:1007
        if server_hostname is None and ssl:
            if not host:
                raise ValueError('You must set server_hostname when using ssl without a host')
            server_hostname = host
        if ssl_handshake_timeout is not None and (not ssl):
            raise ValueError('ssl_handshake_timeout is only meaningful with ssl')
        if ssl_shutdown_timeout is not None and (not ssl):
            raise ValueError('ssl_shutdown_timeout is only meaningful with ssl')
        if sock is not None:
            _check_ssl_socket(sock)
        if happy_eyeballs_delay is not None and interleave is None:
            interleave = 1
        if host is not None or port is not None:
            if sock is not None:
                raise ValueError('host/port and sock can not be specified at the same time')
            infos = await self._ensure_resolved((host, port), family=family, type=socket.SOCK_STREAM, proto=proto, flags=flags, loop=self)
            if not infos:
                raise OSError('getaddrinfo() returned empty list')  # cpython: base_events.py:1049
            if local_addr is not None:
                laddr_infos = await self._ensure_resolved(local_addr, family=family, type=socket.SOCK_STREAM, proto=proto, flags=flags, loop=self)
                if not laddr_infos:
                    raise OSError('getaddrinfo() returned empty list')  # cpython: base_events.py:1057
            else:
                laddr_infos = None
            exceptions = []
            for addrinfo in infos:
                try:
                    sock = await self._connect_sock(  # cpython: base_events.py:1069
                        exceptions, addrinfo, laddr_infos)
                    break
                except OSError:
                    continue
            if sock is None:
                exceptions = [exc for sub in exceptions for exc in sub]
                try:
                    if len(exceptions) == 1:
                        raise exceptions[0]  # cpython: base_events.py:1085
                    else:
                        model = str(exceptions[0])
                        if all((str(exc) == model for exc in exceptions)):
                            raise exceptions[0]  # cpython: base_events.py:1090
                        raise OSError('Multiple exceptions: {}'.format(', '.join((str(exc) for exc in exceptions))))
                finally:
                    exceptions = None
        else:
            if sock is None:
                raise ValueError('host and port was not specified and no sock specified')
            if sock.type != socket.SOCK_STREAM:
                raise ValueError(f'A Stream Socket was expected, got {sock!r}')
        transport, protocol = await self._create_connection_transport(sock, protocol_factory, ssl, server_hostname, ssl_handshake_timeout=ssl_handshake_timeout, ssl_shutdown_timeout=ssl_shutdown_timeout)
        if self._debug:
            sock = transport.get_extra_info('socket')
            logger.debug('%r connected to %s:%r: (%r, %r)', sock, host, port, transport, protocol)
        return (transport, protocol)

    async def _create_connection_transport(self, sock, protocol_factory, ssl, server_hostname, server_side=False, ssl_handshake_timeout=None, ssl_shutdown_timeout=None):  # cpython: base_events.py:1124
        sock.setblocking(False)
        protocol = protocol_factory()
        waiter = self.create_future()
        if ssl:
            sslcontext = None if isinstance(ssl, bool) else ssl
            transport = self._make_ssl_transport(sock, protocol, sslcontext, waiter, server_side=server_side, server_hostname=server_hostname, ssl_handshake_timeout=ssl_handshake_timeout, ssl_shutdown_timeout=ssl_shutdown_timeout)
        else:
            transport = self._make_socket_transport(sock, protocol, waiter)
        try:
            await waiter  # cpython: base_events.py:1145
        except:
            transport.close()
            raise  # cpython: base_events.py:1148
        return (transport, protocol)

    async def _ensure_resolved(self, address, *, family=0, type=socket.SOCK_STREAM, proto=0, flags=0, loop):  # cpython: base_events.py:1410
        # Names resolve on the simulated network's table at once (CPython runs getaddrinfo in
        # the default executor for names that are not IP literals).
        host, port = address[:2]
        if host is None:
            host = '0.0.0.0'
        elif host != '0.0.0.0':
            host = _net.resolve(host)
        return [(socket.AF_INET, type, proto or socket.IPPROTO_TCP, '', (host, port))]

    async def _connect_sock(self, exceptions, addr_info, local_addr_infos=None):  # cpython: base_events.py:943
        my_exceptions = []
        exceptions.append(my_exceptions)
        family, type_, proto, _, address = addr_info
        sock = None
        try:
            sock = socket.socket(family=family, type=type_, proto=proto)
            sock.setblocking(False)
            await self.sock_connect(sock, address)  # cpython: base_events.py:973
            return sock
        except OSError as exc:
            my_exceptions.append(exc)
            if sock is not None:
                sock.close()
            raise  # cpython: base_events.py:979
        except:
            if sock is not None:
                sock.close()
            raise  # cpython: base_events.py:983
        finally:
            exceptions = my_exceptions = None

    async def _create_server_getaddrinfo(self, host, port, family, flags):  # cpython: base_events.py:1422
        infos = await self._ensure_resolved((host, port), family=family, type=socket.SOCK_STREAM, flags=flags, loop=self)
        if not infos:
            raise OSError(f'getaddrinfo({host!r}) returned empty list')  # cpython: base_events.py:1427
        return infos

    async def create_server(self, protocol_factory, host=None, port=None, *, family=socket.AF_UNSPEC, flags=socket.AI_PASSIVE, sock=None, backlog=100, ssl=None, reuse_address=None, reuse_port=None, ssl_handshake_timeout=None, ssl_shutdown_timeout=None, start_serving=True):  # cpython: base_events.py:1430
        if isinstance(ssl, bool):
            raise TypeError('ssl argument must be an SSLContext or None')  # cpython: base_events.py:1459
        if ssl_handshake_timeout is not None and ssl is None:
            raise ValueError('ssl_handshake_timeout is only meaningful with ssl')
        if ssl_shutdown_timeout is not None and ssl is None:
            raise ValueError('ssl_shutdown_timeout is only meaningful with ssl')
        if sock is not None:
            _check_ssl_socket(sock)
        if host is not None or port is not None:
            if sock is not None:
                raise ValueError('host/port and sock can not be specified at the same time')
            if reuse_address is None:
                reuse_address = True
            sockets = []
            if host == '':
                hosts = [None]
            elif isinstance(host, str) or not isinstance(host, (list, tuple, set)):
                hosts = [host]
            else:
                hosts = host
            fs = [self._create_server_getaddrinfo(host, port, family=family, flags=flags) for host in hosts]
            infos = await tasks.gather(*fs)  # cpython: base_events.py:1491
            infos = _dedup([i for sub in infos for i in sub])
            completed = False
            try:
                for res in infos:
                    af, socktype, proto, canonname, sa = res
                    try:
                        sock = socket.socket(af, socktype, proto)
                    except socket.error:
                        if self._debug:
                            logger.warning('create_server() failed to create socket.socket(%r, %r, %r)', af, socktype, proto, exc_info=True)
                        continue
                    sockets.append(sock)
                    if reuse_address:
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
                    try:
                        sock.bind(sa)
                    except OSError as err:
                        raise _oserror(err.errno, 'error while attempting to bind on address %r: %s' % (sa, err.strerror.lower())) from None  # cpython: base_events.py:1525 raise OSError(err.errno, 'error while attempting '
                completed = True
            finally:
                if not completed:
                    for sock in sockets:
                        sock.close()
        else:
            if sock is None:
                raise ValueError('Neither host/port nor sock were specified')  # cpython: base_events.py:1535
            if sock.type != socket.SOCK_STREAM:
                raise ValueError(f'A Stream Socket was expected, got {sock!r}')  # cpython: base_events.py:1537
            sockets = [sock]
        for sock in sockets:
            sock.setblocking(False)
        server = Server(self, sockets, protocol_factory, ssl, backlog, ssl_handshake_timeout, ssl_shutdown_timeout)
        if start_serving:
            server._start_serving()
            await tasks.sleep(0)  # cpython: base_events.py:1550
        if self._debug:
            logger.info('%r is serving', server)
        return server

class BaseSelectorEventLoop:

    def _ensure_selector(self):
        # CPython makes the selector in __init__; loopscope on first I/O (see asyncio.py).
        if self._selector is None:
            self._selector = selectors.DefaultSelector()
            self._transports = {}

    def _add_callback(self, handle):
        if not handle._cancelled:
            self._ready.append(handle)

    def _make_socket_transport(self, sock, protocol, waiter=None, *, extra=None, server=None):  # cpython: selector_events.py:59
        self._ensure_selector()
        return _SelectorSocketTransport(self, sock, protocol, waiter, extra, server)

    def _start_serving(self, protocol_factory, sock, sslcontext=None, server=None, backlog=100, ssl_handshake_timeout=constants.SSL_HANDSHAKE_TIMEOUT, ssl_shutdown_timeout=constants.SSL_SHUTDOWN_TIMEOUT):  # cpython: selector_events.py:146
        self._add_reader(sock.fileno(), self._accept_connection, protocol_factory, sock, sslcontext, server, backlog, ssl_handshake_timeout, ssl_shutdown_timeout)

    def _accept_connection(self, protocol_factory, sock, sslcontext=None, server=None, backlog=100, ssl_handshake_timeout=constants.SSL_HANDSHAKE_TIMEOUT, ssl_shutdown_timeout=constants.SSL_SHUTDOWN_TIMEOUT):  # cpython: selector_events.py:154
        for _ in range(backlog):
            try:
                conn, addr = sock.accept()
                if self._debug:
                    logger.debug('%r got a new connection from %r: %r', server, addr, conn)
                conn.setblocking(False)
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return None
            except OSError as exc:
                if exc.errno in (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM):
                    self.call_exception_handler({'message': 'socket.accept() out of system resource', 'exception': exc, 'socket': _transport_socket(sock)})
                    self._remove_reader(sock.fileno())
                    self.call_later(constants.ACCEPT_RETRY_DELAY, self._start_serving, protocol_factory, sock, sslcontext, server, backlog, ssl_handshake_timeout, ssl_shutdown_timeout)
                else:
                    raise  # cpython: selector_events.py:192 raise  # The event loop will catch, log and ignore it.
            else:
                extra = {'peername': addr}
                accept = self._accept_connection2(protocol_factory, conn, extra, sslcontext, server, ssl_handshake_timeout, ssl_shutdown_timeout)
                self.create_task(accept)

    async def _accept_connection2(self, protocol_factory, conn, extra, sslcontext=None, server=None, ssl_handshake_timeout=constants.SSL_HANDSHAKE_TIMEOUT, ssl_shutdown_timeout=constants.SSL_SHUTDOWN_TIMEOUT):  # cpython: selector_events.py:200
        protocol = None
        transport = None
        try:
            protocol = protocol_factory()
            waiter = self.create_future()
            if sslcontext:
                transport = self._make_ssl_transport(conn, protocol, sslcontext, waiter=waiter, server_side=True, extra=extra, server=server, ssl_handshake_timeout=ssl_handshake_timeout, ssl_shutdown_timeout=ssl_shutdown_timeout)
            else:
                transport = self._make_socket_transport(conn, protocol, waiter=waiter, extra=extra, server=server)
            try:
                await waiter  # cpython: selector_events.py:222
            except BaseException:
                transport.close()
                raise  # cpython: selector_events.py:225
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:229
        except BaseException as exc:
            if self._debug:
                context = {'message': 'Error on transport creation for incoming connection', 'exception': exc}
                if protocol is not None:
                    context['protocol'] = protocol
                if transport is not None:
                    context['transport'] = transport
                self.call_exception_handler(context)

    def _ensure_fd_no_transport(self, fd):  # cpython: selector_events.py:243
        self._ensure_selector()
        fileno = fd
        if not isinstance(fileno, int):
            try:
                fileno = int(fileno.fileno())
            except (AttributeError, TypeError, ValueError):
                raise ValueError(f'Invalid file object: {fd!r}') from None
        try:
            transport = self._transports[fileno]
        except KeyError:
            pass
        else:
            if not transport.is_closing():
                raise RuntimeError(f'File descriptor {fd!r} is used by transport {transport!r}')

    def _add_reader(self, fd, callback, *args):  # cpython: selector_events.py:261
        self._ensure_selector()
        self._check_closed()
        handle = events.Handle(callback, args, self, None)
        key = _loopscope.selector_key(self._selector, fd)
        if key is NotImplemented:  # not selectors' own class: ask it, as CPython does
            try:
                key = self._selector.get_key(fd)
            except KeyError:
                key = None
        if key is None:
            self._selector.register(fd, selectors.EVENT_READ, (handle, None))
        else:
            mask, (reader, writer) = (key.events, key.data)
            self._selector.modify(fd, mask | selectors.EVENT_READ, (handle, writer))
            if reader is not None:
                reader.cancel()
        return handle

    def _remove_reader(self, fd):  # cpython: selector_events.py:277
        self._ensure_selector()
        if self.is_closed():
            return False
        key = _loopscope.selector_key(self._selector, fd)
        if key is NotImplemented:  # not selectors' own class: ask it, as CPython does
            try:
                key = self._selector.get_key(fd)
            except KeyError:
                key = None
        if key is None:
            return False
        else:
            mask, (reader, writer) = (key.events, key.data)
            mask &= ~selectors.EVENT_READ
            if not mask:
                self._selector.unregister(fd)
            else:
                self._selector.modify(fd, mask, (None, writer))
            if reader is not None:
                reader.cancel()
                return True
            else:
                return False

    def _add_writer(self, fd, callback, *args):  # cpython: selector_events.py:298
        self._ensure_selector()
        self._check_closed()
        handle = events.Handle(callback, args, self, None)
        key = _loopscope.selector_key(self._selector, fd)
        if key is NotImplemented:  # not selectors' own class: ask it, as CPython does
            try:
                key = self._selector.get_key(fd)
            except KeyError:
                key = None
        if key is None:
            self._selector.register(fd, selectors.EVENT_WRITE, (None, handle))
        else:
            mask, (reader, writer) = (key.events, key.data)
            self._selector.modify(fd, mask | selectors.EVENT_WRITE, (reader, handle))
            if writer is not None:
                writer.cancel()
        return handle

    def _remove_writer(self, fd):  # cpython: selector_events.py:314
        self._ensure_selector()
        if self.is_closed():
            return False
        key = _loopscope.selector_key(self._selector, fd)
        if key is NotImplemented:  # not selectors' own class: ask it, as CPython does
            try:
                key = self._selector.get_key(fd)
            except KeyError:
                key = None
        if key is None:
            return False
        else:
            mask, (reader, writer) = (key.events, key.data)
            mask &= ~selectors.EVENT_WRITE
            if not mask:
                self._selector.unregister(fd)
            else:
                self._selector.modify(fd, mask, (reader, None))
            if writer is not None:
                writer.cancel()
                return True
            else:
                return False

    def add_reader(self, fd, callback, *args):  # cpython: selector_events.py:337
        self._ensure_fd_no_transport(fd)
        self._add_reader(fd, callback, *args)

    def remove_reader(self, fd):  # cpython: selector_events.py:342
        self._ensure_fd_no_transport(fd)
        return self._remove_reader(fd)

    def add_writer(self, fd, callback, *args):  # cpython: selector_events.py:347
        self._ensure_fd_no_transport(fd)
        self._add_writer(fd, callback, *args)

    def remove_writer(self, fd):  # cpython: selector_events.py:352
        self._ensure_fd_no_transport(fd)
        return self._remove_writer(fd)

    async def sock_recv(self, sock, n):  # cpython: selector_events.py:357
        base_events._check_ssl_socket(sock)
        if self._debug and sock.gettimeout() != 0:
            raise ValueError('the socket must be non-blocking')
        try:
            return sock.recv(n)
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        fd = sock.fileno()
        self._ensure_fd_no_transport(fd)
        handle = self._add_reader(fd, self._sock_recv, fut, sock, n)
        fut.add_done_callback(functools.partial(self._sock_read_done, fd, handle=handle))
        return await fut  # cpython: selector_events.py:377

    def _sock_read_done(self, fd, fut, handle=None):  # cpython: selector_events.py:379
        if handle is None or not handle.cancelled():
            self.remove_reader(fd)

    def _sock_recv(self, fut, sock, n):  # cpython: selector_events.py:383
        if fut.done():
            return
        try:
            data = sock.recv(n)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:393
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(data)

    async def sock_sendall(self, sock, data):  # cpython: selector_events.py:519
        base_events._check_ssl_socket(sock)
        if self._debug and sock.gettimeout() != 0:
            raise ValueError('the socket must be non-blocking')
        try:
            n = sock.send(data)
        except (BlockingIOError, InterruptedError):
            n = 0
        if n == len(data):
            return
        fut = self.create_future()
        fd = sock.fileno()
        self._ensure_fd_no_transport(fd)
        handle = self._add_writer(fd, self._sock_sendall, fut, sock, bytes(data), [n])
        fut.add_done_callback(functools.partial(self._sock_write_done, fd, handle=handle))
        return await fut  # cpython: selector_events.py:548

    def _sock_sendall(self, fut, sock, view, pos):  # cpython: selector_events.py:550
        if fut.done():
            return
        start = pos[0]
        try:
            n = sock.send(view[start:])
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:560
        except BaseException as exc:
            fut.set_exception(exc)
            return
        start += n
        if start == len(view):
            fut.set_result(None)
        else:
            pos[0] = start

    async def sock_connect(self, sock, address):  # cpython: selector_events.py:614
        base_events._check_ssl_socket(sock)
        if self._debug and sock.gettimeout() != 0:
            raise ValueError('the socket must be non-blocking')
        if sock.family == socket.AF_INET or (base_events._HAS_IPv6 and sock.family == socket.AF_INET6):
            resolved = await self._ensure_resolved(address, family=sock.family, type=sock.type, proto=sock.proto, loop=self)
            _, _, _, _, address = resolved[0]
        fut = self.create_future()
        self._sock_connect(fut, sock, address)
        try:
            return await fut  # cpython: selector_events.py:634
        finally:
            fut = None

    def _sock_connect(self, fut, sock, address):  # cpython: selector_events.py:639
        fd = sock.fileno()
        try:
            sock.connect(address)
        except (BlockingIOError, InterruptedError):
            self._ensure_fd_no_transport(fd)
            handle = self._add_writer(fd, self._sock_connect_cb, fut, sock, address)
            fut.add_done_callback(functools.partial(self._sock_write_done, fd, handle=handle))
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:654
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(None)
        finally:
            fut = None

    def _sock_write_done(self, fd, fut, handle=None):  # cpython: selector_events.py:662
        if handle is None or not handle.cancelled():
            self.remove_writer(fd)

    def _sock_connect_cb(self, fut, sock, address):  # cpython: selector_events.py:666
        if fut.done():
            return
        try:
            err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if err != 0:
                raise _oserror(err, f'Connect call failed {address}')  # cpython: selector_events.py:674 raise OSError(err, f'Connect call failed {address}')
        except (BlockingIOError, InterruptedError):
            pass
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:679
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result(None)
        finally:
            fut = None

    async def sock_accept(self, sock):  # cpython: selector_events.py:687
        base_events._check_ssl_socket(sock)
        if self._debug and sock.gettimeout() != 0:
            raise ValueError('the socket must be non-blocking')
        fut = self.create_future()
        self._sock_accept(fut, sock)
        return await fut  # cpython: selector_events.py:700

    def _sock_accept(self, fut, sock):  # cpython: selector_events.py:702
        fd = sock.fileno()
        try:
            conn, address = sock.accept()
            conn.setblocking(False)
        except (BlockingIOError, InterruptedError):
            self._ensure_fd_no_transport(fd)
            handle = self._add_reader(fd, self._sock_accept, fut, sock)
            fut.add_done_callback(functools.partial(self._sock_read_done, fd, handle=handle))
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:713
        except BaseException as exc:
            fut.set_exception(exc)
        else:
            fut.set_result((conn, address))

    def _process_events(self, event_list):  # cpython: selector_events.py:733
        for key, mask in event_list:
            fileobj, (reader, writer) = (key.fileobj, key.data)
            if mask & selectors.EVENT_READ and reader is not None:
                if reader._cancelled:
                    self._remove_reader(fileobj)
                else:
                    self._add_callback(reader)
            if mask & selectors.EVENT_WRITE and writer is not None:
                if writer._cancelled:
                    self._remove_writer(fileobj)
                else:
                    self._add_callback(writer)

    def _stop_serving(self, sock):  # cpython: selector_events.py:747
        self._remove_reader(sock.fileno())
        sock.close()

class _SelectorTransport(_FlowControlMixin, Transport):
    max_size = 256 * 1024
    _buffer_factory = bytearray
    _sock = None

    def __init__(self, loop, sock, protocol, extra=None, server=None):  # cpython: selector_events.py:764
        super().__init__(extra, loop)
        self._extra['socket'] = _transport_socket(sock)
        try:
            self._extra['sockname'] = sock.getsockname()
        except OSError:
            self._extra['sockname'] = None
        if 'peername' not in self._extra:
            try:
                self._extra['peername'] = sock.getpeername()
            except socket.error:
                self._extra['peername'] = None
        self._sock = sock
        self._sock_fd = sock.fileno()
        self._protocol_connected = False
        self.set_protocol(protocol)
        self._server = server
        self._buffer = self._buffer_factory()
        self._conn_lost = 0
        self._closing = False
        self._paused = False
        if self._server is not None:
            self._server._attach()
        loop._transports[self._sock_fd] = self

    def __repr__(self):  # cpython: selector_events.py:792
        info = [self.__class__.__name__]
        if self._sock is None:
            info.append('closed')
        elif self._closing:
            info.append('closing')
        info.append(f'fd={self._sock_fd}')
        if self._loop is not None and (not self._loop.is_closed()):
            polling = _test_selector_event(self._loop._selector, self._sock_fd, selectors.EVENT_READ)
            if polling:
                info.append('read=polling')
            else:
                info.append('read=idle')
            polling = _test_selector_event(self._loop._selector, self._sock_fd, selectors.EVENT_WRITE)
            if polling:
                state = 'polling'
            else:
                state = 'idle'
            bufsize = self.get_write_buffer_size()
            info.append(f'write=<{state}, bufsize={bufsize}>')
        return '<{}>'.format(' '.join(info))

    def abort(self):  # cpython: selector_events.py:820
        self._force_close(None)

    def set_protocol(self, protocol):  # cpython: selector_events.py:823
        self._protocol = protocol
        self._protocol_connected = True

    def get_protocol(self):  # cpython: selector_events.py:827
        return self._protocol

    def is_closing(self):  # cpython: selector_events.py:830
        return self._closing

    def is_reading(self):  # cpython: selector_events.py:833
        return not self.is_closing() and (not self._paused)

    def pause_reading(self):  # cpython: selector_events.py:836
        if not self.is_reading():
            return
        self._paused = True
        self._loop._remove_reader(self._sock_fd)
        if self._loop.get_debug():
            logger.debug('%r pauses reading', self)

    def resume_reading(self):  # cpython: selector_events.py:844
        if self._closing or not self._paused:
            return
        self._paused = False
        self._add_reader(self._sock_fd, self._read_ready)
        if self._loop.get_debug():
            logger.debug('%r resumes reading', self)

    def close(self):  # cpython: selector_events.py:852
        if self._closing:
            return
        self._closing = True
        self._loop._remove_reader(self._sock_fd)
        if not self._buffer:
            self._conn_lost += 1
            self._loop._remove_writer(self._sock_fd)
            self._loop.call_soon(self._call_connection_lost, None)

    def _fatal_error(self, exc, message='Fatal error on transport'):  # cpython: selector_events.py:867
        if isinstance(exc, OSError):
            if self._loop.get_debug():
                logger.debug('%r: %s', self, message, exc_info=True)
        else:
            self._loop.call_exception_handler({'message': message, 'exception': exc, 'transport': self, 'protocol': self._protocol})
        self._force_close(exc)

    def _force_close(self, exc):  # cpython: selector_events.py:881
        if self._conn_lost:
            return
        if self._buffer:
            self._buffer.clear()
            self._loop._remove_writer(self._sock_fd)
        if not self._closing:
            self._closing = True
            self._loop._remove_reader(self._sock_fd)
        self._conn_lost += 1
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):  # cpython: selector_events.py:893
        try:
            if self._protocol_connected:
                self._protocol.connection_lost(exc)
        finally:
            self._sock.close()
            self._sock = None
            self._protocol = None
            self._loop = None
            server = self._server
            if server is not None:
                server._detach()
                self._server = None

    def get_write_buffer_size(self):  # cpython: selector_events.py:907
        return len(self._buffer)

    def _add_reader(self, fd, callback, *args):  # cpython: selector_events.py:910
        if not self.is_reading():
            return
        self._loop._add_reader(fd, callback, *args)

class _SelectorSocketTransport(_SelectorTransport):
    _start_tls_compatible = True
    _sendfile_compatible = None

    def __init__(self, loop, sock, protocol, waiter=None, extra=None, server=None):  # cpython: selector_events.py:921
        self._read_ready_cb = None
        super().__init__(loop, sock, protocol, extra, server)
        self._eof = False
        self._empty_waiter = None
        base_events._set_nodelay(self._sock)
        self._loop.call_soon(self._protocol.connection_made, self)
        self._loop.call_soon(self._add_reader, self._sock_fd, self._read_ready)
        if waiter is not None:
            self._loop.call_soon(futures._set_result_unless_cancelled, waiter, None)

    def set_protocol(self, protocol):  # cpython: selector_events.py:943
        if isinstance(protocol, BufferedProtocol):
            self._read_ready_cb = self._read_ready__get_buffer
        else:
            self._read_ready_cb = self._read_ready__data_received
        super().set_protocol(protocol)

    def _read_ready(self):  # cpython: selector_events.py:951
        self._read_ready_cb()

    def _read_ready__get_buffer(self):  # cpython: selector_events.py:954
        if self._conn_lost:
            return
        try:
            buf = self._protocol.get_buffer(-1)
            if not len(buf):
                raise RuntimeError('get_buffer() returned an empty buffer')  # cpython: selector_events.py:961
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:963
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.get_buffer() call failed.')
            return
        try:
            nbytes = self._sock.recv_into(buf)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:974
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on socket transport')
            return
        if not nbytes:
            self._read_ready__on_eof()
            return
        try:
            self._protocol.buffer_updated(nbytes)
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:986
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.buffer_updated() call failed.')

    def _read_ready__data_received(self):  # cpython: selector_events.py:991
        if self._conn_lost:
            return
        try:
            data = self._sock.recv(self.max_size)
        except (BlockingIOError, InterruptedError):
            return
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:999
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on socket transport')
            return
        if not data:
            self._read_ready__on_eof()
            return
        try:
            self._protocol.data_received(data)
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:1011
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.data_received() call failed.')

    def _read_ready__on_eof(self):  # cpython: selector_events.py:1016
        if self._loop.get_debug():
            logger.debug('%r received EOF', self)
        try:
            keep_open = self._protocol.eof_received()
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:1023
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.eof_received() call failed.')
            return
        if keep_open:
            self._loop._remove_reader(self._sock_fd)
        else:
            self.close()

    def write(self, data):  # cpython: selector_events.py:1037
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f'data argument must be a bytes-like object, not {type(data).__name__!r}')
        if self._eof:
            raise RuntimeError('Cannot call write() after write_eof()')  # cpython: selector_events.py:1042
        if self._empty_waiter is not None:
            raise RuntimeError('unable to write; sendfile is in progress')  # cpython: selector_events.py:1044
        if not data:
            return
        if self._conn_lost:
            if self._conn_lost >= constants.LOG_THRESHOLD_FOR_CONNLOST_WRITES:
                logger.warning('socket.send() raised exception.')
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                n = self._sock.send(data)
            except (BlockingIOError, InterruptedError):
                pass
            except (SystemExit, KeyboardInterrupt):
                raise  # cpython: selector_events.py:1061
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on socket transport')
                return
            else:
                data = data[n:]
                if not data:
                    return
            self._loop._add_writer(self._sock_fd, self._write_ready)
        self._buffer.extend(data)
        self._maybe_pause_protocol()

    def _write_ready(self):  # cpython: selector_events.py:1076
        assert self._buffer, 'Data should not be empty'
        if self._conn_lost:
            return
        try:
            n = self._sock.send(self._buffer.tobytes())
        except (BlockingIOError, InterruptedError):
            pass
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:1086
        except BaseException as exc:
            self._loop._remove_writer(self._sock_fd)
            self._buffer.clear()
            self._fatal_error(exc, 'Fatal write error on socket transport')
            if self._empty_waiter is not None:
                self._empty_waiter.set_exception(exc)
        else:
            if n:
                del self._buffer[:n]
            self._maybe_resume_protocol()
            if not self._buffer:
                self._loop._remove_writer(self._sock_fd)
                if self._empty_waiter is not None:
                    self._empty_waiter.set_result(None)
                if self._closing:
                    self._call_connection_lost(None)
                elif self._eof:
                    self._sock.shutdown(socket.SHUT_WR)

    def write_eof(self):  # cpython: selector_events.py:1106
        if self._closing or self._eof:
            return
        self._eof = True
        if not self._buffer:
            self._sock.shutdown(socket.SHUT_WR)

    def can_write_eof(self):  # cpython: selector_events.py:1113
        return True

    def _call_connection_lost(self, exc):  # cpython: selector_events.py:1116
        super()._call_connection_lost(exc)
        if self._empty_waiter is not None:
            self._empty_waiter.set_exception(ConnectionError('Connection is closed by peer'))

    def _make_empty_waiter(self):  # cpython: selector_events.py:1122
        if self._empty_waiter is not None:
            raise RuntimeError('Empty waiter is already set')
        self._empty_waiter = self._loop.create_future()
        if not self._buffer:
            self._empty_waiter.set_result(None)
        return self._empty_waiter

    def _reset_empty_waiter(self):  # cpython: selector_events.py:1130
        self._empty_waiter = None

async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, **kwds):  # cpython: streams.py:26
    loop = events.get_running_loop()
    reader = StreamReader(limit=limit, loop=loop)
    protocol = StreamReaderProtocol(reader, loop=loop)
    transport, _ = await loop.create_connection(  # cpython: streams.py:48
        lambda: protocol, host, port, **kwds)
    writer = StreamWriter(transport, protocol, reader, loop)
    return (reader, writer)

async def start_server(client_connected_cb, host=None, port=None, *, limit=_DEFAULT_LIMIT, **kwds):  # cpython: streams.py:54
    loop = events.get_running_loop()

    def factory():  # cpython: streams.py:78
        reader = StreamReader(limit=limit, loop=loop)
        protocol = StreamReaderProtocol(reader, client_connected_cb, loop=loop)
        return protocol
    return await loop.create_server(factory, host, port, **kwds)  # cpython: streams.py:84

class FlowControlMixin(Protocol):

    def __init__(self, loop=None):  # cpython: streams.py:126
        if loop is None:
            self._loop = events.get_event_loop()
        else:
            self._loop = loop
        self._paused = False
        self._drain_waiters = collections.deque()
        self._connection_lost = False

    def pause_writing(self):  # cpython: streams.py:135
        assert not self._paused
        self._paused = True
        if self._loop.get_debug():
            logger.debug('%r pauses writing', self)

    def resume_writing(self):  # cpython: streams.py:141
        assert self._paused
        self._paused = False
        if self._loop.get_debug():
            logger.debug('%r resumes writing', self)
        for waiter in self._drain_waiters:
            if not waiter.done():
                waiter.set_result(None)

    def connection_lost(self, exc):  # cpython: streams.py:151
        self._connection_lost = True
        if not self._paused:
            return
        for waiter in self._drain_waiters:
            if not waiter.done():
                if exc is None:
                    waiter.set_result(None)
                else:
                    waiter.set_exception(exc)

    async def _drain_helper(self):  # cpython: streams.py:164
        if self._connection_lost:
            raise ConnectionResetError('Connection lost')  # cpython: streams.py:166
        if not self._paused:
            return
        waiter = self._loop.create_future()
        self._drain_waiters.append(waiter)
        try:
            await waiter  # cpython: streams.py:172
        finally:
            self._drain_waiters.remove(waiter)

    def _get_close_waiter(self, stream):  # cpython: streams.py:176
        raise NotImplementedError  # cpython: streams.py:177

class StreamReaderProtocol(FlowControlMixin, Protocol):
    _source_traceback = None

    def __init__(self, stream_reader, client_connected_cb=None, loop=None):  # cpython: streams.py:191
        super().__init__(loop=loop)
        if stream_reader is not None:
            self._stream_reader_wr = _strong_ref(stream_reader)
            self._source_traceback = stream_reader._source_traceback
        else:
            self._stream_reader_wr = None
        if client_connected_cb is not None:
            self._strong_reader = stream_reader
        self._reject_connection = False
        self._stream_writer = None
        self._task = None
        self._transport = None
        self._client_connected_cb = client_connected_cb
        self._over_ssl = False
        self._closed = self._loop.create_future()

    @property  # cpython: streams.py:211
    def _stream_reader(self):
        if self._stream_reader_wr is None:
            return None
        return self._stream_reader_wr()

    def _replace_writer(self, writer):  # cpython: streams.py:217
        loop = self._loop
        transport = writer.transport
        self._stream_writer = writer
        self._transport = transport
        self._over_ssl = transport.get_extra_info('sslcontext') is not None

    def connection_made(self, transport):  # cpython: streams.py:224
        if self._reject_connection:
            context = {'message': 'An open stream was garbage collected prior to establishing network connection; call "stream.close()" explicitly.'}
            if self._source_traceback:
                context['source_traceback'] = self._source_traceback
            self._loop.call_exception_handler(context)
            transport.abort()
            return
        self._transport = transport
        reader = self._stream_reader
        if reader is not None:
            reader.set_transport(transport)
        self._over_ssl = transport.get_extra_info('sslcontext') is not None
        if self._client_connected_cb is not None:
            self._stream_writer = StreamWriter(transport, self, reader, self._loop)
            res = self._client_connected_cb(reader, self._stream_writer)
            if coroutines.iscoroutine(res):

                def callback(task):  # cpython: streams.py:248
                    exc = task.exception()
                    if exc is not None:
                        self._loop.call_exception_handler({'message': 'Unhandled exception in client_connected_cb', 'exception': exc, 'transport': transport})
                        transport.close()
                self._task = self._loop.create_task(res)
                self._task.add_done_callback(callback)
            self._strong_reader = None

    def connection_lost(self, exc):  # cpython: streams.py:263
        reader = self._stream_reader
        if reader is not None:
            if exc is None:
                reader.feed_eof()
            else:
                reader.set_exception(exc)
        if not self._closed.done():
            if exc is None:
                self._closed.set_result(None)
            else:
                self._closed.set_exception(exc)
        super().connection_lost(exc)
        self._stream_reader_wr = None
        self._stream_writer = None
        self._task = None
        self._transport = None

    def data_received(self, data):  # cpython: streams.py:281
        reader = self._stream_reader
        if reader is not None:
            reader.feed_data(data)

    def eof_received(self):  # cpython: streams.py:286
        reader = self._stream_reader
        if reader is not None:
            reader.feed_eof()
        if self._over_ssl:
            return False
        return True

    def _get_close_waiter(self, stream):  # cpython: streams.py:297
        return self._closed

class StreamWriter:

    def __init__(self, transport, protocol, reader, loop):  # cpython: streams.py:322
        self._transport = transport
        self._protocol = protocol
        assert reader is None or isinstance(reader, StreamReader)
        self._reader = reader
        self._loop = loop
        self._complete_fut = self._loop.create_future()
        self._complete_fut.set_result(None)

    def __repr__(self):  # cpython: streams.py:332
        info = [self.__class__.__name__, f'transport={self._transport!r}']
        if self._reader is not None:
            info.append(f'reader={self._reader!r}')
        return '<{}>'.format(' '.join(info))

    @property  # cpython: streams.py:338
    def transport(self):
        return self._transport

    def write(self, data):  # cpython: streams.py:342
        self._transport.write(data)

    def writelines(self, data):  # cpython: streams.py:345
        self._transport.writelines(data)

    def write_eof(self):  # cpython: streams.py:348
        return self._transport.write_eof()

    def can_write_eof(self):  # cpython: streams.py:351
        return self._transport.can_write_eof()

    def close(self):  # cpython: streams.py:354
        return self._transport.close()

    def is_closing(self):  # cpython: streams.py:357
        return self._transport.is_closing()

    async def wait_closed(self):  # cpython: streams.py:360
        await self._protocol._get_close_waiter(self)  # cpython: streams.py:361

    def get_extra_info(self, name, default=None):  # cpython: streams.py:363
        return self._transport.get_extra_info(name, default)

    async def drain(self):  # cpython: streams.py:366
        if self._reader is not None:
            exc = self._reader.exception()
            if exc is not None:
                raise exc  # cpython: streams.py:377
        if self._transport.is_closing():
            await sleep(0)  # cpython: streams.py:388
        await self._protocol._drain_helper()  # cpython: streams.py:389

    async def start_tls(self, sslcontext, *, server_hostname=None, ssl_handshake_timeout=None):  # cpython: streams.py:391
        server_side = self._protocol._client_connected_cb is not None
        protocol = self._protocol
        await self.drain()  # cpython: streams.py:397
        new_transport = await self._loop.start_tls(self._transport, protocol, sslcontext, server_side=server_side, server_hostname=server_hostname, ssl_handshake_timeout=ssl_handshake_timeout)
        self._transport = new_transport
        protocol._replace_writer(self)

class StreamReader:
    _source_traceback = None

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):  # cpython: streams.py:417
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')  # cpython: streams.py:422
        self._limit = limit
        if loop is None:
            self._loop = events._get_event_loop()
        else:
            self._loop = loop
        self._buffer = _Buffer()
        self._eof = False
        self._waiter = None
        self._exception = None
        self._transport = None
        self._paused = False
        if self._loop.get_debug():
            self._source_traceback = None

    def __repr__(self):  # cpython: streams.py:439
        info = ['StreamReader']
        if self._buffer:
            info.append(f'{len(self._buffer)} bytes')
        if self._eof:
            info.append('eof')
        if self._limit != _DEFAULT_LIMIT:
            info.append(f'limit={self._limit}')
        if self._waiter:
            info.append(f'waiter={self._waiter!r}')
        if self._exception:
            info.append(f'exception={self._exception!r}')
        if self._transport:
            info.append(f'transport={self._transport!r}')
        if self._paused:
            info.append('paused')
        return '<{}>'.format(' '.join(info))

    def exception(self):  # cpython: streams.py:457
        return self._exception

    def set_exception(self, exc):  # cpython: streams.py:460
        self._exception = exc
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if _touch_reader is not None:
                _touch_reader(self)
            if not waiter.cancelled():
                waiter.set_exception(exc)

    def _wakeup_waiter(self):  # cpython: streams.py:469
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if _touch_reader is not None:
                _touch_reader(self)
            if not waiter.cancelled():
                waiter.set_result(None)

    def set_transport(self, transport):  # cpython: streams.py:477
        assert self._transport is None, 'Transport already set'
        self._transport = transport

    def _maybe_resume_transport(self):  # cpython: streams.py:481
        if self._paused and len(self._buffer) <= self._limit:
            self._paused = False
            self._transport.resume_reading()

    def feed_eof(self):  # cpython: streams.py:486
        self._eof = True
        self._wakeup_waiter()

    def at_eof(self):  # cpython: streams.py:490
        return self._eof and (not self._buffer)

    def feed_data(self, data):  # cpython: streams.py:494
        assert not self._eof, 'feed_data after feed_eof'
        if not data:
            return
        self._buffer.extend(data)
        self._wakeup_waiter()
        if self._transport is not None and (not self._paused) and (len(self._buffer) > 2 * self._limit):
            try:
                self._transport.pause_reading()
            except NotImplementedError:
                self._transport = None
            else:
                self._paused = True

    async def _wait_for_data(self, func_name):  # cpython: streams.py:516
        if self._waiter is not None:
            raise RuntimeError(f'{func_name}() called while another coroutine is already waiting for incoming data')
        assert not self._eof, '_wait_for_data after EOF'
        if self._paused:
            self._paused = False
            self._transport.resume_reading()
        self._waiter = self._loop.create_future()
        if _touch_reader is not None:
            _touch_reader(self)
        try:
            await self._waiter  # cpython: streams.py:540
        finally:
            self._waiter = None
            if _touch_reader is not None:
                _touch_reader(self)

    async def readline(self):  # cpython: streams.py:544
        sep = b'\n'
        seplen = len(sep)
        try:
            line = await self.readuntil(sep)  # cpython: streams.py:563
        except exceptions.IncompleteReadError as e:
            return e.partial
        except exceptions.LimitOverrunError as e:
            if self._buffer.startswith(sep, e.consumed):
                del self._buffer[:e.consumed + seplen]
            else:
                self._buffer.clear()
            self._maybe_resume_transport()
            raise ValueError(e.args[0])  # cpython: streams.py:572
        return line

    async def readuntil(self, separator=b'\n'):  # cpython: streams.py:575
        seplen = len(separator)
        if seplen == 0:
            raise ValueError('Separator should be at least one-byte string')  # cpython: streams.py:597
        if self._exception is not None:
            raise self._exception  # cpython: streams.py:600
        offset = 0
        while True:
            buflen = len(self._buffer)
            if buflen - offset >= seplen:
                isep = self._buffer.find(separator, offset)
                if isep != -1:
                    break
                offset = buflen + 1 - seplen
                if offset > self._limit:
                    raise exceptions.LimitOverrunError('Separator is not found, and chunk exceed the limit', offset)
            if self._eof:
                chunk = self._buffer.tobytes()
                self._buffer.clear()
                raise exceptions.IncompleteReadError(chunk, None)  # cpython: streams.py:652
            await self._wait_for_data('readuntil')  # cpython: streams.py:655
        if isep > self._limit:
            raise exceptions.LimitOverrunError('Separator is found, but chunk is longer than limit', isep)
        chunk = self._buffer[:isep + seplen]
        del self._buffer[:isep + seplen]
        self._maybe_resume_transport()
        return bytes(chunk)

    async def read(self, n=-1):  # cpython: streams.py:666
        if self._exception is not None:
            raise self._exception  # cpython: streams.py:689
        if n == 0:
            return b''
        if n < 0:
            blocks = []
            while True:
                block = await self.read(self._limit)  # cpython: streams.py:701
                if not block:
                    break
                blocks.append(block)
            return b''.join(blocks)
        if not self._buffer and (not self._eof):
            await self._wait_for_data('read')  # cpython: streams.py:708
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        self._maybe_resume_transport()
        return data

    async def readexactly(self, n):  # cpython: streams.py:717
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')  # cpython: streams.py:733
        if self._exception is not None:
            raise self._exception  # cpython: streams.py:736
        if n == 0:
            return b''
        while len(self._buffer) < n:
            if self._eof:
                incomplete = self._buffer.tobytes()
                self._buffer.clear()
                raise exceptions.IncompleteReadError(incomplete, n)  # cpython: streams.py:745
            await self._wait_for_data('readexactly')  # cpython: streams.py:747
        if len(self._buffer) == n:
            data = self._buffer.tobytes()
            self._buffer.clear()
        else:
            data = bytes(self._buffer[:n])
            del self._buffer[:n]
        self._maybe_resume_transport()
        return data

    def __aiter__(self):  # cpython: streams.py:758
        return self

    async def __anext__(self):  # cpython: streams.py:761
        val = await self.readline()  # cpython: streams.py:762
        if val == b'':
            raise StopAsyncIteration  # cpython: streams.py:764
        return val


_MODULES = {
    BaseProtocol: 'asyncio.protocols', Protocol: 'asyncio.protocols',
    BufferedProtocol: 'asyncio.protocols', DatagramProtocol: 'asyncio.protocols',
    SubprocessProtocol: 'asyncio.protocols', BaseTransport: 'asyncio.transports',
    ReadTransport: 'asyncio.transports', WriteTransport: 'asyncio.transports',
    Transport: 'asyncio.transports', _FlowControlMixin: 'asyncio.transports',
    Server: 'asyncio.base_events', _SelectorTransport: 'asyncio.selector_events',
    _SelectorSocketTransport: 'asyncio.selector_events',
}
for _cls, _mod in _MODULES.items():
    _cls.__module__ = _mod


def _graft(src, dst):
    for _name, _value in list(src.__dict__.items()):
        if not _name.startswith('__'):
            setattr(dst, _name, _value)


_graft(BaseEventLoop, _aio.BaseEventLoop)
# asyncio.py's loader forwarders for these sit on BaseSelectorEventLoop: replace them too.
_graft(BaseEventLoop, _aio.BaseSelectorEventLoop)
_graft(BaseSelectorEventLoop, _aio.BaseSelectorEventLoop)
