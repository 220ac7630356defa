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
        return False  # cpython: selector_events.py:38
    try:
        key = selector.get_key(fd)
    except KeyError:
        return False
    else:
        return bool(key.events & event)  # cpython: selector_events.py:40


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
        return self  # cpython: events.py:196

    async def __aexit__(self, *exc):  # cpython: events.py:198
        self.close()  # cpython: events.py:199
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
        if extra is None:  # cpython: transports.py:15
            extra = {}  # cpython: transports.py:16
        self._extra = extra  # cpython: transports.py:17

    def get_extra_info(self, name, default=None):  # cpython: transports.py:19
        return self._extra.get(name, default)  # cpython: transports.py:21

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
        data = b''.join(list_of_data)  # cpython: transports.py:122
        self.write(data)  # cpython: transports.py:123

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
        super().__init__(extra)  # cpython: transports.py:271
        assert loop is not None  # cpython: transports.py:272
        self._loop = loop  # cpython: transports.py:273
        self._protocol_paused = False  # cpython: transports.py:274
        self._set_write_buffer_limits()  # cpython: transports.py:275

    def _maybe_pause_protocol(self):  # cpython: transports.py:277
        size = self.get_write_buffer_size()  # cpython: transports.py:278
        if size <= self._high_water:  # cpython: transports.py:279
            return  # cpython: transports.py:280
        if not self._protocol_paused:  # cpython: transports.py:281
            self._protocol_paused = True  # cpython: transports.py:282
            try:
                self._protocol.pause_writing()  # cpython: transports.py:284
            except (SystemExit, KeyboardInterrupt):
                raise  # cpython: transports.py:286
            except BaseException as exc:
                self._loop.call_exception_handler({'message': 'protocol.pause_writing() failed', 'exception': exc, 'transport': self, 'protocol': self._protocol})

    def _maybe_resume_protocol(self):  # cpython: transports.py:295
        if self._protocol_paused and self.get_write_buffer_size() <= self._low_water:
            self._protocol_paused = False  # cpython: transports.py:298
            try:
                self._protocol.resume_writing()  # cpython: transports.py:300
            except (SystemExit, KeyboardInterrupt):
                raise  # cpython: transports.py:302
            except BaseException as exc:
                self._loop.call_exception_handler({'message': 'protocol.resume_writing() failed', 'exception': exc, 'transport': self, 'protocol': self._protocol})

    def get_write_buffer_limits(self):  # cpython: transports.py:311
        return (self._low_water, self._high_water)  # cpython: transports.py:312

    def _set_write_buffer_limits(self, high=None, low=None):  # cpython: transports.py:314
        if high is None:  # cpython: transports.py:315
            if low is None:  # cpython: transports.py:316
                high = 64 * 1024  # cpython: transports.py:317
            else:
                high = 4 * low  # cpython: transports.py:319
        if low is None:  # cpython: transports.py:320
            low = high // 4  # cpython: transports.py:321
        if not high >= low >= 0:  # cpython: transports.py:323
            raise ValueError(f'high ({high!r}) must be >= low ({low!r}) must be >= 0')
        self._high_water = high  # cpython: transports.py:327
        self._low_water = low  # cpython: transports.py:328

    def set_write_buffer_limits(self, high=None, low=None):  # cpython: transports.py:330
        self._set_write_buffer_limits(high=high, low=low)  # cpython: transports.py:331
        self._maybe_pause_protocol()  # cpython: transports.py:332

    def get_write_buffer_size(self):  # cpython: transports.py:334
        raise NotImplementedError  # cpython: transports.py:335

class Server(AbstractServer):

    def __init__(self, loop, sockets, protocol_factory, ssl_context, backlog, ssl_handshake_timeout, ssl_shutdown_timeout=None):  # cpython: base_events.py:276
        self._loop = loop  # cpython: base_events.py:278
        self._sockets = sockets  # cpython: base_events.py:279
        self._active_count = 0  # cpython: base_events.py:280
        self._waiters = []  # cpython: base_events.py:281
        self._protocol_factory = protocol_factory  # cpython: base_events.py:282
        self._backlog = backlog  # cpython: base_events.py:283
        self._ssl_context = ssl_context  # cpython: base_events.py:284
        self._ssl_handshake_timeout = ssl_handshake_timeout  # cpython: base_events.py:285
        self._ssl_shutdown_timeout = ssl_shutdown_timeout  # cpython: base_events.py:286
        self._serving = False  # cpython: base_events.py:287
        self._serving_forever_fut = None  # cpython: base_events.py:288

    def __repr__(self):  # cpython: base_events.py:290
        return f'<{self.__class__.__name__} sockets={self.sockets!r}>'  # cpython: base_events.py:291

    def _attach(self):  # cpython: base_events.py:293
        assert self._sockets is not None  # cpython: base_events.py:294
        self._active_count += 1  # cpython: base_events.py:295

    def _detach(self):  # cpython: base_events.py:297
        assert self._active_count > 0  # cpython: base_events.py:298
        self._active_count -= 1  # cpython: base_events.py:299
        if self._active_count == 0 and self._sockets is None:  # cpython: base_events.py:300
            self._wakeup()  # cpython: base_events.py:301

    def _wakeup(self):  # cpython: base_events.py:303
        waiters = self._waiters  # cpython: base_events.py:304
        self._waiters = None  # cpython: base_events.py:305
        for waiter in waiters:  # cpython: base_events.py:306
            if not waiter.done():  # cpython: base_events.py:307
                waiter.set_result(waiter)  # cpython: base_events.py:308

    def _start_serving(self):  # cpython: base_events.py:310
        if self._serving:  # cpython: base_events.py:311
            return  # cpython: base_events.py:312
        self._serving = True  # cpython: base_events.py:313
        for sock in self._sockets:  # cpython: base_events.py:314
            sock.listen(self._backlog)  # cpython: base_events.py:315
            self._loop._start_serving(self._protocol_factory, sock, self._ssl_context, self, self._backlog, self._ssl_handshake_timeout, self._ssl_shutdown_timeout)

    def get_loop(self):  # cpython: base_events.py:321
        return self._loop  # cpython: base_events.py:322

    def is_serving(self):  # cpython: base_events.py:324
        return self._serving  # cpython: base_events.py:325

    @property  # cpython: base_events.py:327
    def sockets(self):
        if self._sockets is None:
            return ()
        return tuple((_transport_socket(s) for s in self._sockets))

    def close(self):  # cpython: base_events.py:333
        sockets = self._sockets  # cpython: base_events.py:334
        if sockets is None:  # cpython: base_events.py:335
            return  # cpython: base_events.py:336
        self._sockets = None  # cpython: base_events.py:337
        for sock in sockets:  # cpython: base_events.py:339
            self._loop._stop_serving(sock)  # cpython: base_events.py:340
        self._serving = False  # cpython: base_events.py:342
        if self._serving_forever_fut is not None and (not self._serving_forever_fut.done()):
            self._serving_forever_fut.cancel()  # cpython: base_events.py:346
            self._serving_forever_fut = None  # cpython: base_events.py:347
        if self._active_count == 0:  # cpython: base_events.py:349
            self._wakeup()  # cpython: base_events.py:350

    async def start_serving(self):  # cpython: base_events.py:352
        self._start_serving()  # cpython: base_events.py:353
        await tasks.sleep(0)  # cpython: base_events.py:356

    async def serve_forever(self):  # cpython: base_events.py:358
        if self._serving_forever_fut is not None:  # cpython: base_events.py:359
            raise RuntimeError(f'server {self!r} is already being awaited on serve_forever()')
        if self._sockets is None:  # cpython: base_events.py:362
            raise RuntimeError(f'server {self!r} is closed')  # cpython: base_events.py:363
        self._start_serving()  # cpython: base_events.py:365
        self._serving_forever_fut = self._loop.create_future()  # cpython: base_events.py:366
        try:
            await self._serving_forever_fut  # cpython: base_events.py:369
        except exceptions.CancelledError:
            try:
                self.close()  # cpython: base_events.py:372
                await self.wait_closed()  # cpython: base_events.py:373
            finally:
                raise  # cpython: base_events.py:375
        finally:
            self._serving_forever_fut = None  # cpython: base_events.py:377

    async def wait_closed(self):  # cpython: base_events.py:379
        if self._sockets is None or self._waiters is None:  # cpython: base_events.py:380
            return  # cpython: base_events.py:381
        waiter = self._loop.create_future()  # cpython: base_events.py:382
        self._waiters.append(waiter)  # cpython: base_events.py:383
        await waiter  # cpython: base_events.py:384

class BaseEventLoop:

    async def create_connection(self, protocol_factory, host=None, port=None, *, ssl=None, family=0, proto=0, flags=0, sock=None, local_addr=None, server_hostname=None, ssl_handshake_timeout=None, ssl_shutdown_timeout=None, happy_eyeballs_delay=None, interleave=None):  # cpython: base_events.py:987
        if server_hostname is not None and (not ssl):
            raise ValueError('server_hostname is only meaningful with ssl')  # cpython: base_events.py:1007
        if server_hostname is None and ssl:  # cpython: base_events.py:1009
            if not host:  # cpython: base_events.py:1020
                raise ValueError('You must set server_hostname when using ssl without a host')
            server_hostname = host  # cpython: base_events.py:1023
        if ssl_handshake_timeout is not None and (not ssl):
            raise ValueError('ssl_handshake_timeout is only meaningful with ssl')
        if ssl_shutdown_timeout is not None and (not ssl):
            raise ValueError('ssl_shutdown_timeout is only meaningful with ssl')
        if sock is not None:  # cpython: base_events.py:1033
            _check_ssl_socket(sock)  # cpython: base_events.py:1034
        if happy_eyeballs_delay is not None and interleave is None:  # cpython: base_events.py:1036
            interleave = 1  # cpython: base_events.py:1038
        if host is not None or port is not None:  # cpython: base_events.py:1040
            if sock is not None:  # cpython: base_events.py:1041
                raise ValueError('host/port and sock can not be specified at the same time')
            infos = await self._ensure_resolved((host, port), family=family, type=socket.SOCK_STREAM, proto=proto, flags=flags, loop=self)
            if not infos:  # cpython: base_events.py:1048
                raise OSError('getaddrinfo() returned empty list')  # cpython: base_events.py:1049
            if local_addr is not None:  # cpython: base_events.py:1051
                laddr_infos = await self._ensure_resolved(local_addr, family=family, type=socket.SOCK_STREAM, proto=proto, flags=flags, loop=self)
                if not laddr_infos:  # cpython: base_events.py:1056
                    raise OSError('getaddrinfo() returned empty list')  # cpython: base_events.py:1057
            else:
                laddr_infos = None  # cpython: base_events.py:1059
            exceptions = []
            for addrinfo in infos:  # cpython: base_events.py:1067
                try:
                    sock = await self._connect_sock(  # cpython: base_events.py:1069
                        exceptions, addrinfo, laddr_infos)
                    break  # cpython: base_events.py:1071
                except OSError:
                    continue  # cpython: base_events.py:1073
            if sock is None:  # cpython: base_events.py:1081
                exceptions = [exc for sub in exceptions for exc in sub]
                try:
                    if len(exceptions) == 1:  # cpython: base_events.py:1084
                        raise exceptions[0]  # cpython: base_events.py:1085
                    else:
                        model = str(exceptions[0])  # cpython: base_events.py:1088
                        if all((str(exc) == model for exc in exceptions)):
                            raise exceptions[0]  # cpython: base_events.py:1090
                        raise OSError('Multiple exceptions: {}'.format(', '.join((str(exc) for exc in exceptions))))
                finally:
                    exceptions = None
        else:
            if sock is None:  # cpython: base_events.py:1099
                raise ValueError('host and port was not specified and no sock specified')
            if sock.type != socket.SOCK_STREAM:  # cpython: base_events.py:1102
                raise ValueError(f'A Stream Socket was expected, got {sock!r}')
        transport, protocol = await self._create_connection_transport(sock, protocol_factory, ssl, server_hostname, ssl_handshake_timeout=ssl_handshake_timeout, ssl_shutdown_timeout=ssl_shutdown_timeout)
        if self._debug:  # cpython: base_events.py:1116
            sock = transport.get_extra_info('socket')  # cpython: base_events.py:1119
            logger.debug('%r connected to %s:%r: (%r, %r)', sock, host, port, transport, protocol)
        return (transport, protocol)

    async def _create_connection_transport(self, sock, protocol_factory, ssl, server_hostname, server_side=False, ssl_handshake_timeout=None, ssl_shutdown_timeout=None):  # cpython: base_events.py:1124
        sock.setblocking(False)  # cpython: base_events.py:1130
        protocol = protocol_factory()  # cpython: base_events.py:1132
        waiter = self.create_future()  # cpython: base_events.py:1133
        if ssl:  # cpython: base_events.py:1134
            sslcontext = None if isinstance(ssl, bool) else ssl  # cpython: base_events.py:1135
            transport = self._make_ssl_transport(sock, protocol, sslcontext, waiter, server_side=server_side, server_hostname=server_hostname, ssl_handshake_timeout=ssl_handshake_timeout, ssl_shutdown_timeout=ssl_shutdown_timeout)
        else:
            transport = self._make_socket_transport(sock, protocol, waiter)  # cpython: base_events.py:1142
        try:
            await waiter  # cpython: base_events.py:1145
        except:
            transport.close()  # cpython: base_events.py:1147
            raise  # cpython: base_events.py:1148
        return (transport, protocol)

    async def _ensure_resolved(self, address, *, family=0, type=socket.SOCK_STREAM, proto=0, flags=0, loop):  # cpython: base_events.py:1410
        # Names resolve on the simulated network's table at once (CPython runs getaddrinfo in
        # the default executor for names that are not IP literals).
        host, port = address[:2]  # cpython: base_events.py:1413
        if host is None:
            host = '0.0.0.0'
        elif host != '0.0.0.0':
            host = _net.resolve(host)
        return [(socket.AF_INET, type, proto or socket.IPPROTO_TCP, '', (host, port))]

    async def _connect_sock(self, exceptions, addr_info, local_addr_infos=None):  # cpython: base_events.py:943
        my_exceptions = []  # cpython: base_events.py:945
        exceptions.append(my_exceptions)
        family, type_, proto, _, address = addr_info  # cpython: base_events.py:947
        sock = None  # cpython: base_events.py:948
        try:
            sock = socket.socket(family=family, type=type_, proto=proto)  # cpython: base_events.py:950
            sock.setblocking(False)  # cpython: base_events.py:951
            await self.sock_connect(sock, address)  # cpython: base_events.py:973
            return sock  # cpython: base_events.py:974
        except OSError as exc:
            my_exceptions.append(exc)  # cpython: base_events.py:976
            if sock is not None:  # cpython: base_events.py:977
                sock.close()  # cpython: base_events.py:978
            raise  # cpython: base_events.py:979
        except:
            if sock is not None:  # cpython: base_events.py:981
                sock.close()  # cpython: base_events.py:982
            raise  # cpython: base_events.py:983
        finally:
            exceptions = my_exceptions = None

    async def _create_server_getaddrinfo(self, host, port, family, flags):  # cpython: base_events.py:1422
        infos = await self._ensure_resolved((host, port), family=family, type=socket.SOCK_STREAM, flags=flags, loop=self)
        if not infos:  # cpython: base_events.py:1426
            raise OSError(f'getaddrinfo({host!r}) returned empty list')  # cpython: base_events.py:1427
        return infos  # cpython: base_events.py:1428

    async def create_server(self, protocol_factory, host=None, port=None, *, family=socket.AF_UNSPEC, flags=socket.AI_PASSIVE, sock=None, backlog=100, ssl=None, reuse_address=None, reuse_port=None, ssl_handshake_timeout=None, ssl_shutdown_timeout=None, start_serving=True):  # cpython: base_events.py:1430
        if isinstance(ssl, bool):  # cpython: base_events.py:1458
            raise TypeError('ssl argument must be an SSLContext or None')  # cpython: base_events.py:1459
        if ssl_handshake_timeout is not None and ssl is None:  # cpython: base_events.py:1461
            raise ValueError('ssl_handshake_timeout is only meaningful with ssl')
        if ssl_shutdown_timeout is not None and ssl is None:  # cpython: base_events.py:1465
            raise ValueError('ssl_shutdown_timeout is only meaningful with ssl')
        if sock is not None:  # cpython: base_events.py:1469
            _check_ssl_socket(sock)  # cpython: base_events.py:1470
        if host is not None or port is not None:  # cpython: base_events.py:1472
            if sock is not None:  # cpython: base_events.py:1473
                raise ValueError('host/port and sock can not be specified at the same time')
            if reuse_address is None:  # cpython: base_events.py:1477
                reuse_address = True
            sockets = []  # cpython: base_events.py:1479
            if host == '':  # cpython: base_events.py:1480
                hosts = [None]  # cpython: base_events.py:1481
            elif isinstance(host, str) or not isinstance(host, (list, tuple, set)):
                hosts = [host]  # cpython: base_events.py:1484
            else:
                hosts = host  # cpython: base_events.py:1486
            fs = [self._create_server_getaddrinfo(host, port, family=family, flags=flags) for host in hosts]
            infos = await tasks.gather(*fs)  # cpython: base_events.py:1491
            infos = _dedup([i for sub in infos for i in sub])
            completed = False  # cpython: base_events.py:1494
            try:
                for res in infos:  # cpython: base_events.py:1496
                    af, socktype, proto, canonname, sa = res  # cpython: base_events.py:1497
                    try:
                        sock = socket.socket(af, socktype, proto)  # cpython: base_events.py:1499
                    except socket.error:
                        if self._debug:  # cpython: base_events.py:1502
                            logger.warning('create_server() failed to create socket.socket(%r, %r, %r)', af, socktype, proto, exc_info=True)
                        continue  # cpython: base_events.py:1506
                    sockets.append(sock)  # cpython: base_events.py:1507
                    if reuse_address:  # cpython: base_events.py:1508
                        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
                    try:
                        sock.bind(sa)  # cpython: base_events.py:1523
                    except OSError as err:
                        raise _oserror(err.errno, 'error while attempting to bind on address %r: %s' % (sa, err.strerror.lower())) from None  # cpython: base_events.py:1525 raise OSError(err.errno, 'error while attempting '
                completed = True  # cpython: base_events.py:1528
            finally:
                if not completed:  # cpython: base_events.py:1530
                    for sock in sockets:  # cpython: base_events.py:1531
                        sock.close()  # cpython: base_events.py:1532
        else:
            if sock is None:  # cpython: base_events.py:1534
                raise ValueError('Neither host/port nor sock were specified')  # cpython: base_events.py:1535
            if sock.type != socket.SOCK_STREAM:  # cpython: base_events.py:1536
                raise ValueError(f'A Stream Socket was expected, got {sock!r}')  # cpython: base_events.py:1537
            sockets = [sock]  # cpython: base_events.py:1538
        for sock in sockets:  # cpython: base_events.py:1540
            sock.setblocking(False)  # cpython: base_events.py:1541
        server = Server(self, sockets, protocol_factory, ssl, backlog, ssl_handshake_timeout, ssl_shutdown_timeout)
        if start_serving:  # cpython: base_events.py:1546
            server._start_serving()  # cpython: base_events.py:1547
            await tasks.sleep(0)  # cpython: base_events.py:1550
        if self._debug:  # cpython: base_events.py:1552
            logger.info('%r is serving', server)
        return server  # cpython: base_events.py:1554

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
        for _ in range(backlog):  # cpython: selector_events.py:163
            try:
                conn, addr = sock.accept()  # cpython: selector_events.py:165
                if self._debug:  # cpython: selector_events.py:166
                    logger.debug('%r got a new connection from %r: %r', server, addr, conn)
                conn.setblocking(False)  # cpython: selector_events.py:169
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return None  # cpython: selector_events.py:172
            except OSError as exc:
                if exc.errno in (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM):
                    self.call_exception_handler({'message': 'socket.accept() out of system resource', 'exception': exc, 'socket': _transport_socket(sock)})
                    self._remove_reader(sock.fileno())  # cpython: selector_events.py:185
                    self.call_later(constants.ACCEPT_RETRY_DELAY, self._start_serving, protocol_factory, sock, sslcontext, server, backlog, ssl_handshake_timeout, ssl_shutdown_timeout)
                else:
                    raise  # cpython: selector_events.py:192 raise  # The event loop will catch, log and ignore it.
            else:
                extra = {'peername': addr}  # cpython: selector_events.py:194
                accept = self._accept_connection2(protocol_factory, conn, extra, sslcontext, server, ssl_handshake_timeout, ssl_shutdown_timeout)
                self.create_task(accept)  # cpython: selector_events.py:198

    async def _accept_connection2(self, protocol_factory, conn, extra, sslcontext=None, server=None, ssl_handshake_timeout=constants.SSL_HANDSHAKE_TIMEOUT, ssl_shutdown_timeout=constants.SSL_SHUTDOWN_TIMEOUT):  # cpython: selector_events.py:200
        protocol = None  # cpython: selector_events.py:205
        transport = None  # cpython: selector_events.py:206
        try:
            protocol = protocol_factory()  # cpython: selector_events.py:208
            waiter = self.create_future()  # cpython: selector_events.py:209
            if sslcontext:  # cpython: selector_events.py:210
                transport = self._make_ssl_transport(conn, protocol, sslcontext, waiter=waiter, server_side=True, extra=extra, server=server, ssl_handshake_timeout=ssl_handshake_timeout, ssl_shutdown_timeout=ssl_shutdown_timeout)
            else:
                transport = self._make_socket_transport(conn, protocol, waiter=waiter, extra=extra, server=server)
            try:
                await waiter  # cpython: selector_events.py:222
            except BaseException:
                transport.close()  # cpython: selector_events.py:224
                raise  # cpython: selector_events.py:225
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:229
        except BaseException as exc:
            if self._debug:  # cpython: selector_events.py:231
                context = {'message': 'Error on transport creation for incoming connection', 'exception': exc}
                if protocol is not None:  # cpython: selector_events.py:237
                    context['protocol'] = protocol  # cpython: selector_events.py:238
                if transport is not None:  # cpython: selector_events.py:239
                    context['transport'] = transport  # cpython: selector_events.py:240
                self.call_exception_handler(context)  # cpython: selector_events.py:241

    def _ensure_fd_no_transport(self, fd):  # cpython: selector_events.py:243
        self._ensure_selector()
        fileno = fd  # cpython: selector_events.py:244
        if not isinstance(fileno, int):  # cpython: selector_events.py:245
            try:
                fileno = int(fileno.fileno())  # cpython: selector_events.py:247
            except (AttributeError, TypeError, ValueError):
                raise ValueError(f'Invalid file object: {fd!r}') from None
        try:
            transport = self._transports[fileno]  # cpython: selector_events.py:252
        except KeyError:
            pass  # cpython: selector_events.py:254
        else:
            if not transport.is_closing():  # cpython: selector_events.py:256
                raise RuntimeError(f'File descriptor {fd!r} is used by transport {transport!r}')

    def _add_reader(self, fd, callback, *args):  # cpython: selector_events.py:261
        self._ensure_selector()
        self._check_closed()  # cpython: selector_events.py:262
        handle = events.Handle(callback, args, self, None)  # cpython: selector_events.py:263
        key = _loopscope.selector_key(self._selector, fd)
        if key is NotImplemented:  # not selectors' own class: ask it, as CPython does
            try:
                key = self._selector.get_key(fd)  # cpython: selector_events.py:265
            except KeyError:
                key = None
        if key is None:
            self._selector.register(fd, selectors.EVENT_READ, (handle, None))
        else:
            mask, (reader, writer) = (key.events, key.data)
            self._selector.modify(fd, mask | selectors.EVENT_READ, (handle, writer))
            if reader is not None:  # cpython: selector_events.py:273
                reader.cancel()  # cpython: selector_events.py:274
        return handle  # cpython: selector_events.py:275

    def _remove_reader(self, fd):  # cpython: selector_events.py:277
        self._ensure_selector()
        if self.is_closed():  # cpython: selector_events.py:278
            return False  # cpython: selector_events.py:279
        key = _loopscope.selector_key(self._selector, fd)
        if key is NotImplemented:  # not selectors' own class: ask it, as CPython does
            try:
                key = self._selector.get_key(fd)  # cpython: selector_events.py:281
            except KeyError:
                key = None
        if key is None:
            return False  # cpython: selector_events.py:283
        else:
            mask, (reader, writer) = (key.events, key.data)
            mask &= ~selectors.EVENT_READ  # cpython: selector_events.py:286
            if not mask:  # cpython: selector_events.py:287
                self._selector.unregister(fd)  # cpython: selector_events.py:288
            else:
                self._selector.modify(fd, mask, (None, writer))  # cpython: selector_events.py:290
            if reader is not None:  # cpython: selector_events.py:292
                reader.cancel()  # cpython: selector_events.py:293
                return True  # cpython: selector_events.py:294
            else:
                return False  # cpython: selector_events.py:296

    def _add_writer(self, fd, callback, *args):  # cpython: selector_events.py:298
        self._ensure_selector()
        self._check_closed()  # cpython: selector_events.py:299
        handle = events.Handle(callback, args, self, None)  # cpython: selector_events.py:300
        key = _loopscope.selector_key(self._selector, fd)
        if key is NotImplemented:  # not selectors' own class: ask it, as CPython does
            try:
                key = self._selector.get_key(fd)  # cpython: selector_events.py:302
            except KeyError:
                key = None
        if key is None:
            self._selector.register(fd, selectors.EVENT_WRITE, (None, handle))
        else:
            mask, (reader, writer) = (key.events, key.data)
            self._selector.modify(fd, mask | selectors.EVENT_WRITE, (reader, handle))
            if writer is not None:  # cpython: selector_events.py:310
                writer.cancel()  # cpython: selector_events.py:311
        return handle  # cpython: selector_events.py:312

    def _remove_writer(self, fd):  # cpython: selector_events.py:314
        self._ensure_selector()
        if self.is_closed():  # cpython: selector_events.py:316
            return False  # cpython: selector_events.py:317
        key = _loopscope.selector_key(self._selector, fd)
        if key is NotImplemented:  # not selectors' own class: ask it, as CPython does
            try:
                key = self._selector.get_key(fd)  # cpython: selector_events.py:319
            except KeyError:
                key = None
        if key is None:
            return False  # cpython: selector_events.py:321
        else:
            mask, (reader, writer) = (key.events, key.data)
            mask &= ~selectors.EVENT_WRITE  # cpython: selector_events.py:325
            if not mask:  # cpython: selector_events.py:326
                self._selector.unregister(fd)  # cpython: selector_events.py:327
            else:
                self._selector.modify(fd, mask, (reader, None))  # cpython: selector_events.py:329
            if writer is not None:  # cpython: selector_events.py:331
                writer.cancel()  # cpython: selector_events.py:332
                return True  # cpython: selector_events.py:333
            else:
                return False  # cpython: selector_events.py:335

    def add_reader(self, fd, callback, *args):  # cpython: selector_events.py:337
        self._ensure_fd_no_transport(fd)  # cpython: selector_events.py:339
        self._add_reader(fd, callback, *args)  # cpython: selector_events.py:340

    def remove_reader(self, fd):  # cpython: selector_events.py:342
        self._ensure_fd_no_transport(fd)  # cpython: selector_events.py:344
        return self._remove_reader(fd)  # cpython: selector_events.py:345

    def add_writer(self, fd, callback, *args):  # cpython: selector_events.py:347
        self._ensure_fd_no_transport(fd)  # cpython: selector_events.py:349
        self._add_writer(fd, callback, *args)  # cpython: selector_events.py:350

    def remove_writer(self, fd):  # cpython: selector_events.py:352
        self._ensure_fd_no_transport(fd)  # cpython: selector_events.py:354
        return self._remove_writer(fd)  # cpython: selector_events.py:355

    async def sock_recv(self, sock, n):  # cpython: selector_events.py:357
        base_events._check_ssl_socket(sock)  # cpython: selector_events.py:364
        if self._debug and sock.gettimeout() != 0:  # cpython: selector_events.py:365
            raise ValueError('the socket must be non-blocking')
        try:
            return sock.recv(n)  # cpython: selector_events.py:368
        except (BlockingIOError, InterruptedError):
            pass  # cpython: selector_events.py:370
        fut = self.create_future()  # cpython: selector_events.py:371
        fd = sock.fileno()  # cpython: selector_events.py:372
        self._ensure_fd_no_transport(fd)  # cpython: selector_events.py:373
        handle = self._add_reader(fd, self._sock_recv, fut, sock, n)  # cpython: selector_events.py:374
        fut.add_done_callback(functools.partial(self._sock_read_done, fd, handle=handle))
        return await fut  # cpython: selector_events.py:377

    def _sock_read_done(self, fd, fut, handle=None):  # cpython: selector_events.py:379
        if handle is None or not handle.cancelled():  # cpython: selector_events.py:380
            self.remove_reader(fd)  # cpython: selector_events.py:381

    def _sock_recv(self, fut, sock, n):  # cpython: selector_events.py:383
        if fut.done():  # cpython: selector_events.py:386
            return  # cpython: selector_events.py:387
        try:
            data = sock.recv(n)  # cpython: selector_events.py:389
        except (BlockingIOError, InterruptedError):
            return  # cpython: selector_events.py:391
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:393
        except BaseException as exc:
            fut.set_exception(exc)  # cpython: selector_events.py:395
        else:
            fut.set_result(data)  # cpython: selector_events.py:397

    async def sock_sendall(self, sock, data):  # cpython: selector_events.py:519
        base_events._check_ssl_socket(sock)  # cpython: selector_events.py:528
        if self._debug and sock.gettimeout() != 0:  # cpython: selector_events.py:529
            raise ValueError('the socket must be non-blocking')
        try:
            n = sock.send(data)  # cpython: selector_events.py:532
        except (BlockingIOError, InterruptedError):
            n = 0  # cpython: selector_events.py:534
        if n == len(data):  # cpython: selector_events.py:536
            return  # cpython: selector_events.py:538
        fut = self.create_future()  # cpython: selector_events.py:540
        fd = sock.fileno()  # cpython: selector_events.py:541
        self._ensure_fd_no_transport(fd)  # cpython: selector_events.py:542
        handle = self._add_writer(fd, self._sock_sendall, fut, sock, bytes(data), [n])
        fut.add_done_callback(functools.partial(self._sock_write_done, fd, handle=handle))
        return await fut  # cpython: selector_events.py:548

    def _sock_sendall(self, fut, sock, view, pos):  # cpython: selector_events.py:550
        if fut.done():  # cpython: selector_events.py:551
            return  # cpython: selector_events.py:553
        start = pos[0]  # cpython: selector_events.py:554
        try:
            n = sock.send(view[start:])  # cpython: selector_events.py:556
        except (BlockingIOError, InterruptedError):
            return  # cpython: selector_events.py:558
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:560
        except BaseException as exc:
            fut.set_exception(exc)  # cpython: selector_events.py:562
            return  # cpython: selector_events.py:563
        start += n  # cpython: selector_events.py:565
        if start == len(view):  # cpython: selector_events.py:567
            fut.set_result(None)  # cpython: selector_events.py:568
        else:
            pos[0] = start  # cpython: selector_events.py:570

    async def sock_connect(self, sock, address):  # cpython: selector_events.py:614
        base_events._check_ssl_socket(sock)  # cpython: selector_events.py:619
        if self._debug and sock.gettimeout() != 0:  # cpython: selector_events.py:620
            raise ValueError('the socket must be non-blocking')
        if sock.family == socket.AF_INET or (base_events._HAS_IPv6 and sock.family == socket.AF_INET6):
            resolved = await self._ensure_resolved(address, family=sock.family, type=sock.type, proto=sock.proto, loop=self)
            _, _, _, _, address = resolved[0]  # cpython: selector_events.py:629
        fut = self.create_future()  # cpython: selector_events.py:631
        self._sock_connect(fut, sock, address)  # cpython: selector_events.py:632
        try:
            return await fut  # cpython: selector_events.py:634
        finally:
            fut = None  # cpython: selector_events.py:637

    def _sock_connect(self, fut, sock, address):  # cpython: selector_events.py:639
        fd = sock.fileno()  # cpython: selector_events.py:640
        try:
            sock.connect(address)  # cpython: selector_events.py:642
        except (BlockingIOError, InterruptedError):
            self._ensure_fd_no_transport(fd)  # cpython: selector_events.py:648
            handle = self._add_writer(fd, self._sock_connect_cb, fut, sock, address)
            fut.add_done_callback(functools.partial(self._sock_write_done, fd, handle=handle))
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:654
        except BaseException as exc:
            fut.set_exception(exc)  # cpython: selector_events.py:656
        else:
            fut.set_result(None)  # cpython: selector_events.py:658
        finally:
            fut = None  # cpython: selector_events.py:660

    def _sock_write_done(self, fd, fut, handle=None):  # cpython: selector_events.py:662
        if handle is None or not handle.cancelled():  # cpython: selector_events.py:663
            self.remove_writer(fd)  # cpython: selector_events.py:664

    def _sock_connect_cb(self, fut, sock, address):  # cpython: selector_events.py:666
        if fut.done():  # cpython: selector_events.py:667
            return  # cpython: selector_events.py:668
        try:
            err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)  # cpython: selector_events.py:671
            if err != 0:  # cpython: selector_events.py:672
                raise _oserror(err, f'Connect call failed {address}')  # cpython: selector_events.py:674 raise OSError(err, f'Connect call failed {address}')
        except (BlockingIOError, InterruptedError):
            pass  # cpython: selector_events.py:677
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:679
        except BaseException as exc:
            fut.set_exception(exc)  # cpython: selector_events.py:681
        else:
            fut.set_result(None)  # cpython: selector_events.py:683
        finally:
            fut = None  # cpython: selector_events.py:685

    async def sock_accept(self, sock):  # cpython: selector_events.py:687
        base_events._check_ssl_socket(sock)  # cpython: selector_events.py:695
        if self._debug and sock.gettimeout() != 0:  # cpython: selector_events.py:696
            raise ValueError('the socket must be non-blocking')
        fut = self.create_future()  # cpython: selector_events.py:698
        self._sock_accept(fut, sock)  # cpython: selector_events.py:699
        return await fut  # cpython: selector_events.py:700

    def _sock_accept(self, fut, sock):  # cpython: selector_events.py:702
        fd = sock.fileno()  # cpython: selector_events.py:703
        try:
            conn, address = sock.accept()  # cpython: selector_events.py:705
            conn.setblocking(False)  # cpython: selector_events.py:706
        except (BlockingIOError, InterruptedError):
            self._ensure_fd_no_transport(fd)  # cpython: selector_events.py:708
            handle = self._add_reader(fd, self._sock_accept, fut, sock)  # cpython: selector_events.py:709
            fut.add_done_callback(functools.partial(self._sock_read_done, fd, handle=handle))
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:713
        except BaseException as exc:
            fut.set_exception(exc)  # cpython: selector_events.py:715
        else:
            fut.set_result((conn, address))  # cpython: selector_events.py:717

    def _process_events(self, event_list):  # cpython: selector_events.py:733
        for key, mask in event_list:  # cpython: selector_events.py:734
            fileobj, (reader, writer) = (key.fileobj, key.data)
            if mask & selectors.EVENT_READ and reader is not None:  # cpython: selector_events.py:736
                if reader._cancelled:  # cpython: selector_events.py:737
                    self._remove_reader(fileobj)  # cpython: selector_events.py:738
                else:
                    self._add_callback(reader)  # cpython: selector_events.py:740
            if mask & selectors.EVENT_WRITE and writer is not None:  # cpython: selector_events.py:741
                if writer._cancelled:  # cpython: selector_events.py:742
                    self._remove_writer(fileobj)  # cpython: selector_events.py:743
                else:
                    self._add_callback(writer)  # cpython: selector_events.py:745

    def _stop_serving(self, sock):  # cpython: selector_events.py:747
        self._remove_reader(sock.fileno())  # cpython: selector_events.py:748
        sock.close()  # cpython: selector_events.py:749

class _SelectorTransport(_FlowControlMixin, Transport):
    max_size = 256 * 1024
    _buffer_factory = bytearray
    _sock = None

    def __init__(self, loop, sock, protocol, extra=None, server=None):  # cpython: selector_events.py:764
        super().__init__(extra, loop)  # cpython: selector_events.py:765
        self._extra['socket'] = _transport_socket(sock)
        try:
            self._extra['sockname'] = sock.getsockname()  # cpython: selector_events.py:768
        except OSError:
            self._extra['sockname'] = None  # cpython: selector_events.py:770
        if 'peername' not in self._extra:  # cpython: selector_events.py:771
            try:
                self._extra['peername'] = sock.getpeername()  # cpython: selector_events.py:773
            except socket.error:
                self._extra['peername'] = None  # cpython: selector_events.py:775
        self._sock = sock  # cpython: selector_events.py:776
        self._sock_fd = sock.fileno()  # cpython: selector_events.py:777
        self._protocol_connected = False  # cpython: selector_events.py:779
        self.set_protocol(protocol)  # cpython: selector_events.py:780
        self._server = server  # cpython: selector_events.py:782
        self._buffer = self._buffer_factory()  # cpython: selector_events.py:783
        self._conn_lost = 0  # cpython: selector_events.py:784
        self._closing = False  # cpython: selector_events.py:785
        self._paused = False  # cpython: selector_events.py:786
        if self._server is not None:  # cpython: selector_events.py:788
            self._server._attach()  # cpython: selector_events.py:789
        loop._transports[self._sock_fd] = self  # cpython: selector_events.py:790

    def __repr__(self):  # cpython: selector_events.py:792
        info = [self.__class__.__name__]  # cpython: selector_events.py:793
        if self._sock is None:  # cpython: selector_events.py:794
            info.append('closed')  # cpython: selector_events.py:795
        elif self._closing:  # cpython: selector_events.py:796
            info.append('closing')  # cpython: selector_events.py:797
        info.append(f'fd={self._sock_fd}')  # cpython: selector_events.py:798
        if self._loop is not None and (not self._loop.is_closed()):
            polling = _test_selector_event(self._loop._selector, self._sock_fd, selectors.EVENT_READ)
            if polling:  # cpython: selector_events.py:803
                info.append('read=polling')  # cpython: selector_events.py:804
            else:
                info.append('read=idle')  # cpython: selector_events.py:806
            polling = _test_selector_event(self._loop._selector, self._sock_fd, selectors.EVENT_WRITE)
            if polling:  # cpython: selector_events.py:811
                state = 'polling'  # cpython: selector_events.py:812
            else:
                state = 'idle'  # cpython: selector_events.py:814
            bufsize = self.get_write_buffer_size()  # cpython: selector_events.py:816
            info.append(f'write=<{state}, bufsize={bufsize}>')  # cpython: selector_events.py:817
        return '<{}>'.format(' '.join(info))  # cpython: selector_events.py:818

    def abort(self):  # cpython: selector_events.py:820
        self._force_close(None)  # cpython: selector_events.py:821

    def set_protocol(self, protocol):  # cpython: selector_events.py:823
        self._protocol = protocol  # cpython: selector_events.py:824
        self._protocol_connected = True  # cpython: selector_events.py:825

    def get_protocol(self):  # cpython: selector_events.py:827
        return self._protocol  # cpython: selector_events.py:828

    def is_closing(self):  # cpython: selector_events.py:830
        return self._closing  # cpython: selector_events.py:831

    def is_reading(self):  # cpython: selector_events.py:833
        return not self.is_closing() and (not self._paused)

    def pause_reading(self):  # cpython: selector_events.py:836
        if not self.is_reading():  # cpython: selector_events.py:837
            return  # cpython: selector_events.py:838
        self._paused = True  # cpython: selector_events.py:839
        self._loop._remove_reader(self._sock_fd)  # cpython: selector_events.py:840
        if self._loop.get_debug():  # cpython: selector_events.py:841
            logger.debug('%r pauses reading', self)

    def resume_reading(self):  # cpython: selector_events.py:844
        if self._closing or not self._paused:  # cpython: selector_events.py:845
            return  # cpython: selector_events.py:846
        self._paused = False  # cpython: selector_events.py:847
        self._add_reader(self._sock_fd, self._read_ready)  # cpython: selector_events.py:848
        if self._loop.get_debug():  # cpython: selector_events.py:849
            logger.debug('%r resumes reading', self)

    def close(self):  # cpython: selector_events.py:852
        if self._closing:  # cpython: selector_events.py:853
            return  # cpython: selector_events.py:854
        self._closing = True  # cpython: selector_events.py:855
        self._loop._remove_reader(self._sock_fd)  # cpython: selector_events.py:856
        if not self._buffer:  # cpython: selector_events.py:857
            self._conn_lost += 1  # cpython: selector_events.py:858
            self._loop._remove_writer(self._sock_fd)  # cpython: selector_events.py:859
            self._loop.call_soon(self._call_connection_lost, None)  # cpython: selector_events.py:860

    def _fatal_error(self, exc, message='Fatal error on transport'):  # cpython: selector_events.py:867
        if isinstance(exc, OSError):  # cpython: selector_events.py:869
            if self._loop.get_debug():  # cpython: selector_events.py:870
                logger.debug('%r: %s', self, message, exc_info=True)
        else:
            self._loop.call_exception_handler({'message': message, 'exception': exc, 'transport': self, 'protocol': self._protocol})
        self._force_close(exc)  # cpython: selector_events.py:879

    def _force_close(self, exc):  # cpython: selector_events.py:881
        if self._conn_lost:  # cpython: selector_events.py:882
            return  # cpython: selector_events.py:883
        if self._buffer:  # cpython: selector_events.py:884
            self._buffer.clear()  # cpython: selector_events.py:885
            self._loop._remove_writer(self._sock_fd)  # cpython: selector_events.py:886
        if not self._closing:  # cpython: selector_events.py:887
            self._closing = True  # cpython: selector_events.py:888
            self._loop._remove_reader(self._sock_fd)  # cpython: selector_events.py:889
        self._conn_lost += 1  # cpython: selector_events.py:890
        self._loop.call_soon(self._call_connection_lost, exc)  # cpython: selector_events.py:891

    def _call_connection_lost(self, exc):  # cpython: selector_events.py:893
        try:
            if self._protocol_connected:  # cpython: selector_events.py:895
                self._protocol.connection_lost(exc)  # cpython: selector_events.py:896
        finally:
            self._sock.close()  # cpython: selector_events.py:898
            self._sock = None  # cpython: selector_events.py:899
            self._protocol = None  # cpython: selector_events.py:900
            self._loop = None  # cpython: selector_events.py:901
            server = self._server  # cpython: selector_events.py:902
            if server is not None:  # cpython: selector_events.py:903
                server._detach()  # cpython: selector_events.py:904
                self._server = None  # cpython: selector_events.py:905

    def get_write_buffer_size(self):  # cpython: selector_events.py:907
        return len(self._buffer)  # cpython: selector_events.py:908

    def _add_reader(self, fd, callback, *args):  # cpython: selector_events.py:910
        if not self.is_reading():  # cpython: selector_events.py:911
            return  # cpython: selector_events.py:912
        self._loop._add_reader(fd, callback, *args)  # cpython: selector_events.py:913

class _SelectorSocketTransport(_SelectorTransport):
    _start_tls_compatible = True
    _sendfile_compatible = None

    def __init__(self, loop, sock, protocol, waiter=None, extra=None, server=None):  # cpython: selector_events.py:921
        self._read_ready_cb = None  # cpython: selector_events.py:924
        super().__init__(loop, sock, protocol, extra, server)  # cpython: selector_events.py:925
        self._eof = False  # cpython: selector_events.py:926
        self._empty_waiter = None  # cpython: selector_events.py:927
        base_events._set_nodelay(self._sock)  # cpython: selector_events.py:932
        self._loop.call_soon(self._protocol.connection_made, self)  # cpython: selector_events.py:934
        self._loop.call_soon(self._add_reader, self._sock_fd, self._read_ready)
        if waiter is not None:  # cpython: selector_events.py:938
            self._loop.call_soon(futures._set_result_unless_cancelled, waiter, None)

    def set_protocol(self, protocol):  # cpython: selector_events.py:943
        if isinstance(protocol, BufferedProtocol):
            self._read_ready_cb = self._read_ready__get_buffer  # cpython: selector_events.py:945
        else:
            self._read_ready_cb = self._read_ready__data_received  # cpython: selector_events.py:947
        super().set_protocol(protocol)  # cpython: selector_events.py:949

    def _read_ready(self):  # cpython: selector_events.py:951
        self._read_ready_cb()  # cpython: selector_events.py:952

    def _read_ready__get_buffer(self):  # cpython: selector_events.py:954
        if self._conn_lost:  # cpython: selector_events.py:955
            return  # cpython: selector_events.py:956
        try:
            buf = self._protocol.get_buffer(-1)  # cpython: selector_events.py:959
            if not len(buf):  # cpython: selector_events.py:960
                raise RuntimeError('get_buffer() returned an empty buffer')  # cpython: selector_events.py:961
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:963
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.get_buffer() call failed.')
            return  # cpython: selector_events.py:967
        try:
            nbytes = self._sock.recv_into(buf)  # cpython: selector_events.py:970
        except (BlockingIOError, InterruptedError):
            return  # cpython: selector_events.py:972
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:974
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on socket transport')  # cpython: selector_events.py:976
            return  # cpython: selector_events.py:977
        if not nbytes:  # cpython: selector_events.py:979
            self._read_ready__on_eof()  # cpython: selector_events.py:980
            return  # cpython: selector_events.py:981
        try:
            self._protocol.buffer_updated(nbytes)  # cpython: selector_events.py:984
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:986
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.buffer_updated() call failed.')

    def _read_ready__data_received(self):  # cpython: selector_events.py:991
        if self._conn_lost:  # cpython: selector_events.py:992
            return  # cpython: selector_events.py:993
        try:
            data = self._sock.recv(self.max_size)  # cpython: selector_events.py:995
        except (BlockingIOError, InterruptedError):
            return  # cpython: selector_events.py:997
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:999
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal read error on socket transport')  # cpython: selector_events.py:1001
            return  # cpython: selector_events.py:1002
        if not data:  # cpython: selector_events.py:1004
            self._read_ready__on_eof()  # cpython: selector_events.py:1005
            return  # cpython: selector_events.py:1006
        try:
            self._protocol.data_received(data)  # cpython: selector_events.py:1009
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:1011
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.data_received() call failed.')

    def _read_ready__on_eof(self):  # cpython: selector_events.py:1016
        if self._loop.get_debug():  # cpython: selector_events.py:1017
            logger.debug('%r received EOF', self)
        try:
            keep_open = self._protocol.eof_received()  # cpython: selector_events.py:1021
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:1023
        except BaseException as exc:
            self._fatal_error(exc, 'Fatal error: protocol.eof_received() call failed.')
            return  # cpython: selector_events.py:1027
        if keep_open:  # cpython: selector_events.py:1029
            self._loop._remove_reader(self._sock_fd)  # cpython: selector_events.py:1033
        else:
            self.close()  # cpython: selector_events.py:1035

    def write(self, data):  # cpython: selector_events.py:1037
        if not isinstance(data, (bytes, bytearray, memoryview)):  # cpython: selector_events.py:1038
            raise TypeError(f'data argument must be a bytes-like object, not {type(data).__name__!r}')
        if self._eof:  # cpython: selector_events.py:1041
            raise RuntimeError('Cannot call write() after write_eof()')  # cpython: selector_events.py:1042
        if self._empty_waiter is not None:  # cpython: selector_events.py:1043
            raise RuntimeError('unable to write; sendfile is in progress')  # cpython: selector_events.py:1044
        if not data:  # cpython: selector_events.py:1045
            return  # cpython: selector_events.py:1046
        if self._conn_lost:  # cpython: selector_events.py:1048
            if self._conn_lost >= constants.LOG_THRESHOLD_FOR_CONNLOST_WRITES:  # cpython: selector_events.py:1049
                logger.warning('socket.send() raised exception.')  # cpython: selector_events.py:1050
            self._conn_lost += 1  # cpython: selector_events.py:1051
            return  # cpython: selector_events.py:1052
        if not self._buffer:  # cpython: selector_events.py:1054
            try:
                n = self._sock.send(data)  # cpython: selector_events.py:1057
            except (BlockingIOError, InterruptedError):
                pass  # cpython: selector_events.py:1059
            except (SystemExit, KeyboardInterrupt):
                raise  # cpython: selector_events.py:1061
            except BaseException as exc:
                self._fatal_error(exc, 'Fatal write error on socket transport')  # cpython: selector_events.py:1063
                return  # cpython: selector_events.py:1064
            else:
                data = data[n:]  # cpython: selector_events.py:1066
                if not data:  # cpython: selector_events.py:1067
                    return  # cpython: selector_events.py:1068
            self._loop._add_writer(self._sock_fd, self._write_ready)  # cpython: selector_events.py:1070
        self._buffer.extend(data)  # cpython: selector_events.py:1073
        self._maybe_pause_protocol()  # cpython: selector_events.py:1074

    def _write_ready(self):  # cpython: selector_events.py:1076
        assert self._buffer, 'Data should not be empty'  # cpython: selector_events.py:1077
        if self._conn_lost:  # cpython: selector_events.py:1079
            return  # cpython: selector_events.py:1080
        try:
            n = self._sock.send(self._buffer.tobytes())
        except (BlockingIOError, InterruptedError):
            pass  # cpython: selector_events.py:1084
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: selector_events.py:1086
        except BaseException as exc:
            self._loop._remove_writer(self._sock_fd)  # cpython: selector_events.py:1088
            self._buffer.clear()  # cpython: selector_events.py:1089
            self._fatal_error(exc, 'Fatal write error on socket transport')  # cpython: selector_events.py:1090
            if self._empty_waiter is not None:  # cpython: selector_events.py:1091
                self._empty_waiter.set_exception(exc)  # cpython: selector_events.py:1092
        else:
            if n:  # cpython: selector_events.py:1094
                del self._buffer[:n]  # cpython: selector_events.py:1095
            self._maybe_resume_protocol()  # cpython: selector_events.py:1096
            if not self._buffer:  # cpython: selector_events.py:1097
                self._loop._remove_writer(self._sock_fd)  # cpython: selector_events.py:1098
                if self._empty_waiter is not None:  # cpython: selector_events.py:1099
                    self._empty_waiter.set_result(None)  # cpython: selector_events.py:1100
                if self._closing:  # cpython: selector_events.py:1101
                    self._call_connection_lost(None)  # cpython: selector_events.py:1102
                elif self._eof:  # cpython: selector_events.py:1103
                    self._sock.shutdown(socket.SHUT_WR)  # cpython: selector_events.py:1104

    def write_eof(self):  # cpython: selector_events.py:1106
        if self._closing or self._eof:  # cpython: selector_events.py:1107
            return  # cpython: selector_events.py:1108
        self._eof = True  # cpython: selector_events.py:1109
        if not self._buffer:  # cpython: selector_events.py:1110
            self._sock.shutdown(socket.SHUT_WR)  # cpython: selector_events.py:1111

    def can_write_eof(self):  # cpython: selector_events.py:1113
        return True  # cpython: selector_events.py:1114

    def _call_connection_lost(self, exc):  # cpython: selector_events.py:1116
        super()._call_connection_lost(exc)  # cpython: selector_events.py:1117
        if self._empty_waiter is not None:  # cpython: selector_events.py:1118
            self._empty_waiter.set_exception(ConnectionError('Connection is closed by peer'))

    def _make_empty_waiter(self):  # cpython: selector_events.py:1122
        if self._empty_waiter is not None:  # cpython: selector_events.py:1123
            raise RuntimeError('Empty waiter is already set')
        self._empty_waiter = self._loop.create_future()  # cpython: selector_events.py:1125
        if not self._buffer:  # cpython: selector_events.py:1126
            self._empty_waiter.set_result(None)  # cpython: selector_events.py:1127
        return self._empty_waiter  # cpython: selector_events.py:1128

    def _reset_empty_waiter(self):  # cpython: selector_events.py:1130
        self._empty_waiter = None  # cpython: selector_events.py:1131

async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, **kwds):  # cpython: streams.py:26
    loop = events.get_running_loop()  # cpython: streams.py:45
    reader = StreamReader(limit=limit, loop=loop)  # cpython: streams.py:46
    protocol = StreamReaderProtocol(reader, loop=loop)  # cpython: streams.py:47
    transport, _ = await loop.create_connection(  # cpython: streams.py:48
        lambda: protocol, host, port, **kwds)
    writer = StreamWriter(transport, protocol, reader, loop)  # cpython: streams.py:50
    return (reader, writer)

async def start_server(client_connected_cb, host=None, port=None, *, limit=_DEFAULT_LIMIT, **kwds):  # cpython: streams.py:54
    loop = events.get_running_loop()  # cpython: streams.py:76

    def factory():  # cpython: streams.py:78
        reader = StreamReader(limit=limit, loop=loop)  # cpython: streams.py:79
        protocol = StreamReaderProtocol(reader, client_connected_cb, loop=loop)
        return protocol  # cpython: streams.py:82
    return await loop.create_server(factory, host, port, **kwds)  # cpython: streams.py:84

class FlowControlMixin(Protocol):

    def __init__(self, loop=None):  # cpython: streams.py:126
        if loop is None:  # cpython: streams.py:127
            self._loop = events.get_event_loop()
        else:
            self._loop = loop  # cpython: streams.py:130
        self._paused = False  # cpython: streams.py:131
        self._drain_waiters = collections.deque()  # cpython: streams.py:132
        self._connection_lost = False  # cpython: streams.py:133

    def pause_writing(self):  # cpython: streams.py:135
        assert not self._paused  # cpython: streams.py:136
        self._paused = True  # cpython: streams.py:137
        if self._loop.get_debug():  # cpython: streams.py:138
            logger.debug('%r pauses writing', self)

    def resume_writing(self):  # cpython: streams.py:141
        assert self._paused  # cpython: streams.py:142
        self._paused = False  # cpython: streams.py:143
        if self._loop.get_debug():  # cpython: streams.py:144
            logger.debug('%r resumes writing', self)
        for waiter in self._drain_waiters:  # cpython: streams.py:147
            if not waiter.done():  # cpython: streams.py:148
                waiter.set_result(None)  # cpython: streams.py:149

    def connection_lost(self, exc):  # cpython: streams.py:151
        self._connection_lost = True  # cpython: streams.py:152
        if not self._paused:  # cpython: streams.py:154
            return  # cpython: streams.py:155
        for waiter in self._drain_waiters:  # cpython: streams.py:157
            if not waiter.done():  # cpython: streams.py:158
                if exc is None:  # cpython: streams.py:159
                    waiter.set_result(None)  # cpython: streams.py:160
                else:
                    waiter.set_exception(exc)  # cpython: streams.py:162

    async def _drain_helper(self):  # cpython: streams.py:164
        if self._connection_lost:  # cpython: streams.py:165
            raise ConnectionResetError('Connection lost')  # cpython: streams.py:166
        if not self._paused:  # cpython: streams.py:167
            return  # cpython: streams.py:168
        waiter = self._loop.create_future()  # cpython: streams.py:169
        self._drain_waiters.append(waiter)  # cpython: streams.py:170
        try:
            await waiter  # cpython: streams.py:172
        finally:
            self._drain_waiters.remove(waiter)  # cpython: streams.py:174

    def _get_close_waiter(self, stream):  # cpython: streams.py:176
        raise NotImplementedError  # cpython: streams.py:177

class StreamReaderProtocol(FlowControlMixin, Protocol):
    _source_traceback = None

    def __init__(self, stream_reader, client_connected_cb=None, loop=None):  # cpython: streams.py:191
        super().__init__(loop=loop)  # cpython: streams.py:192
        if stream_reader is not None:  # cpython: streams.py:193
            self._stream_reader_wr = _strong_ref(stream_reader)
            self._source_traceback = stream_reader._source_traceback  # cpython: streams.py:195
        else:
            self._stream_reader_wr = None  # cpython: streams.py:197
        if client_connected_cb is not None:  # cpython: streams.py:198
            self._strong_reader = stream_reader  # cpython: streams.py:202
        self._reject_connection = False  # cpython: streams.py:203
        self._stream_writer = None  # cpython: streams.py:204
        self._task = None  # cpython: streams.py:205
        self._transport = None  # cpython: streams.py:206
        self._client_connected_cb = client_connected_cb  # cpython: streams.py:207
        self._over_ssl = False  # cpython: streams.py:208
        self._closed = self._loop.create_future()  # cpython: streams.py:209

    @property  # cpython: streams.py:211
    def _stream_reader(self):
        if self._stream_reader_wr is None:
            return None
        return self._stream_reader_wr()

    def _replace_writer(self, writer):  # cpython: streams.py:217
        loop = self._loop  # cpython: streams.py:218
        transport = writer.transport  # cpython: streams.py:219
        self._stream_writer = writer  # cpython: streams.py:220
        self._transport = transport  # cpython: streams.py:221
        self._over_ssl = transport.get_extra_info('sslcontext') is not None  # cpython: streams.py:222

    def connection_made(self, transport):  # cpython: streams.py:224
        if self._reject_connection:  # cpython: streams.py:225
            context = {'message': 'An open stream was garbage collected prior to establishing network connection; call "stream.close()" explicitly.'}
            if self._source_traceback:  # cpython: streams.py:231
                context['source_traceback'] = self._source_traceback  # cpython: streams.py:232
            self._loop.call_exception_handler(context)  # cpython: streams.py:233
            transport.abort()  # cpython: streams.py:234
            return  # cpython: streams.py:235
        self._transport = transport  # cpython: streams.py:236
        reader = self._stream_reader  # cpython: streams.py:237
        if reader is not None:  # cpython: streams.py:238
            reader.set_transport(transport)  # cpython: streams.py:239
        self._over_ssl = transport.get_extra_info('sslcontext') is not None  # cpython: streams.py:240
        if self._client_connected_cb is not None:  # cpython: streams.py:241
            self._stream_writer = StreamWriter(transport, self, reader, self._loop)
            res = self._client_connected_cb(reader, self._stream_writer)
            if coroutines.iscoroutine(res):  # cpython: streams.py:247

                def callback(task):  # cpython: streams.py:248
                    exc = task.exception()  # cpython: streams.py:249
                    if exc is not None:  # cpython: streams.py:250
                        self._loop.call_exception_handler({'message': 'Unhandled exception in client_connected_cb', 'exception': exc, 'transport': transport})
                        transport.close()  # cpython: streams.py:256
                self._task = self._loop.create_task(res)  # cpython: streams.py:258
                self._task.add_done_callback(callback)  # cpython: streams.py:259
            self._strong_reader = None  # cpython: streams.py:261

    def connection_lost(self, exc):  # cpython: streams.py:263
        reader = self._stream_reader  # cpython: streams.py:264
        if reader is not None:  # cpython: streams.py:265
            if exc is None:  # cpython: streams.py:266
                reader.feed_eof()  # cpython: streams.py:267
            else:
                reader.set_exception(exc)  # cpython: streams.py:269
        if not self._closed.done():  # cpython: streams.py:270
            if exc is None:  # cpython: streams.py:271
                self._closed.set_result(None)  # cpython: streams.py:272
            else:
                self._closed.set_exception(exc)  # cpython: streams.py:274
        super().connection_lost(exc)  # cpython: streams.py:275
        self._stream_reader_wr = None  # cpython: streams.py:276
        self._stream_writer = None  # cpython: streams.py:277
        self._task = None  # cpython: streams.py:278
        self._transport = None  # cpython: streams.py:279

    def data_received(self, data):  # cpython: streams.py:281
        reader = self._stream_reader  # cpython: streams.py:282
        if reader is not None:  # cpython: streams.py:283
            reader.feed_data(data)  # cpython: streams.py:284

    def eof_received(self):  # cpython: streams.py:286
        reader = self._stream_reader  # cpython: streams.py:287
        if reader is not None:  # cpython: streams.py:288
            reader.feed_eof()  # cpython: streams.py:289
        if self._over_ssl:  # cpython: streams.py:290
            return False  # cpython: streams.py:294
        return True  # cpython: streams.py:295

    def _get_close_waiter(self, stream):  # cpython: streams.py:297
        return self._closed  # cpython: streams.py:298

class StreamWriter:

    def __init__(self, transport, protocol, reader, loop):  # cpython: streams.py:322
        self._transport = transport  # cpython: streams.py:323
        self._protocol = protocol  # cpython: streams.py:324
        assert reader is None or isinstance(reader, StreamReader)  # cpython: streams.py:326
        self._reader = reader  # cpython: streams.py:327
        self._loop = loop  # cpython: streams.py:328
        self._complete_fut = self._loop.create_future()  # cpython: streams.py:329
        self._complete_fut.set_result(None)  # cpython: streams.py:330

    def __repr__(self):  # cpython: streams.py:332
        info = [self.__class__.__name__, f'transport={self._transport!r}']  # cpython: streams.py:333
        if self._reader is not None:  # cpython: streams.py:334
            info.append(f'reader={self._reader!r}')  # cpython: streams.py:335
        return '<{}>'.format(' '.join(info))  # cpython: streams.py:336

    @property  # cpython: streams.py:338
    def transport(self):
        return self._transport

    def write(self, data):  # cpython: streams.py:342
        self._transport.write(data)  # cpython: streams.py:343

    def writelines(self, data):  # cpython: streams.py:345
        self._transport.writelines(data)  # cpython: streams.py:346

    def write_eof(self):  # cpython: streams.py:348
        return self._transport.write_eof()  # cpython: streams.py:349

    def can_write_eof(self):  # cpython: streams.py:351
        return self._transport.can_write_eof()  # cpython: streams.py:352

    def close(self):  # cpython: streams.py:354
        return self._transport.close()  # cpython: streams.py:355

    def is_closing(self):  # cpython: streams.py:357
        return self._transport.is_closing()  # cpython: streams.py:358

    async def wait_closed(self):  # cpython: streams.py:360
        await self._protocol._get_close_waiter(self)  # cpython: streams.py:361

    def get_extra_info(self, name, default=None):  # cpython: streams.py:363
        return self._transport.get_extra_info(name, default)  # cpython: streams.py:364

    async def drain(self):  # cpython: streams.py:366
        if self._reader is not None:  # cpython: streams.py:374
            exc = self._reader.exception()  # cpython: streams.py:375
            if exc is not None:  # cpython: streams.py:376
                raise exc  # cpython: streams.py:377
        if self._transport.is_closing():  # cpython: streams.py:378
            await sleep(0)  # cpython: streams.py:388
        await self._protocol._drain_helper()  # cpython: streams.py:389

    async def start_tls(self, sslcontext, *, server_hostname=None, ssl_handshake_timeout=None):  # cpython: streams.py:391
        server_side = self._protocol._client_connected_cb is not None  # cpython: streams.py:395
        protocol = self._protocol  # cpython: streams.py:396
        await self.drain()  # cpython: streams.py:397
        new_transport = await self._loop.start_tls(self._transport, protocol, sslcontext, server_side=server_side, server_hostname=server_hostname, ssl_handshake_timeout=ssl_handshake_timeout)
        self._transport = new_transport  # cpython: streams.py:402
        protocol._replace_writer(self)  # cpython: streams.py:403

class StreamReader:
    _source_traceback = None

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):  # cpython: streams.py:417
        if limit <= 0:  # cpython: streams.py:421
            raise ValueError('Limit cannot be <= 0')  # cpython: streams.py:422
        self._limit = limit  # cpython: streams.py:424
        if loop is None:  # cpython: streams.py:425
            self._loop = events._get_event_loop()  # cpython: streams.py:426
        else:
            self._loop = loop  # cpython: streams.py:428
        self._buffer = _Buffer()
        self._eof = False  # cpython: streams.py:430
        self._waiter = None  # cpython: streams.py:431
        self._exception = None  # cpython: streams.py:432
        self._transport = None  # cpython: streams.py:433
        self._paused = False  # cpython: streams.py:434
        if self._loop.get_debug():  # cpython: streams.py:435
            self._source_traceback = None

    def __repr__(self):  # cpython: streams.py:439
        info = ['StreamReader']  # cpython: streams.py:440
        if self._buffer:  # cpython: streams.py:441
            info.append(f'{len(self._buffer)} bytes')  # cpython: streams.py:442
        if self._eof:  # cpython: streams.py:443
            info.append('eof')  # cpython: streams.py:444
        if self._limit != _DEFAULT_LIMIT:  # cpython: streams.py:445
            info.append(f'limit={self._limit}')  # cpython: streams.py:446
        if self._waiter:  # cpython: streams.py:447
            info.append(f'waiter={self._waiter!r}')  # cpython: streams.py:448
        if self._exception:  # cpython: streams.py:449
            info.append(f'exception={self._exception!r}')  # cpython: streams.py:450
        if self._transport:  # cpython: streams.py:451
            info.append(f'transport={self._transport!r}')  # cpython: streams.py:452
        if self._paused:  # cpython: streams.py:453
            info.append('paused')  # cpython: streams.py:454
        return '<{}>'.format(' '.join(info))  # cpython: streams.py:455

    def exception(self):  # cpython: streams.py:457
        return self._exception  # cpython: streams.py:458

    def set_exception(self, exc):  # cpython: streams.py:460
        self._exception = exc  # cpython: streams.py:461
        waiter = self._waiter  # cpython: streams.py:463
        if waiter is not None:  # cpython: streams.py:464
            self._waiter = None  # cpython: streams.py:465
            if _touch_reader is not None:
                _touch_reader(self)
            if not waiter.cancelled():  # cpython: streams.py:466
                waiter.set_exception(exc)  # cpython: streams.py:467

    def _wakeup_waiter(self):  # cpython: streams.py:469
        waiter = self._waiter  # cpython: streams.py:471
        if waiter is not None:  # cpython: streams.py:472
            self._waiter = None  # cpython: streams.py:473
            if _touch_reader is not None:
                _touch_reader(self)
            if not waiter.cancelled():  # cpython: streams.py:474
                waiter.set_result(None)  # cpython: streams.py:475

    def set_transport(self, transport):  # cpython: streams.py:477
        assert self._transport is None, 'Transport already set'  # cpython: streams.py:478
        self._transport = transport  # cpython: streams.py:479

    def _maybe_resume_transport(self):  # cpython: streams.py:481
        if self._paused and len(self._buffer) <= self._limit:  # cpython: streams.py:482
            self._paused = False  # cpython: streams.py:483
            self._transport.resume_reading()  # cpython: streams.py:484

    def feed_eof(self):  # cpython: streams.py:486
        self._eof = True  # cpython: streams.py:487
        self._wakeup_waiter()  # cpython: streams.py:488

    def at_eof(self):  # cpython: streams.py:490
        return self._eof and (not self._buffer)

    def feed_data(self, data):  # cpython: streams.py:494
        assert not self._eof, 'feed_data after feed_eof'  # cpython: streams.py:495
        if not data:  # cpython: streams.py:497
            return  # cpython: streams.py:498
        self._buffer.extend(data)  # cpython: streams.py:500
        self._wakeup_waiter()  # cpython: streams.py:501
        if self._transport is not None and (not self._paused) and (len(self._buffer) > 2 * self._limit):
            try:
                self._transport.pause_reading()  # cpython: streams.py:507
            except NotImplementedError:
                self._transport = None  # cpython: streams.py:512
            else:
                self._paused = True  # cpython: streams.py:514

    async def _wait_for_data(self, func_name):  # cpython: streams.py:516
        if self._waiter is not None:  # cpython: streams.py:525
            raise RuntimeError(f'{func_name}() called while another coroutine is already waiting for incoming data')
        assert not self._eof, '_wait_for_data after EOF'  # cpython: streams.py:530
        if self._paused:  # cpython: streams.py:534
            self._paused = False  # cpython: streams.py:535
            self._transport.resume_reading()  # cpython: streams.py:536
        self._waiter = self._loop.create_future()  # cpython: streams.py:538
        if _touch_reader is not None:
            _touch_reader(self)
        try:
            await self._waiter  # cpython: streams.py:540
        finally:
            self._waiter = None  # cpython: streams.py:542
            if _touch_reader is not None:
                _touch_reader(self)

    async def readline(self):  # cpython: streams.py:544
        sep = b'\n'  # cpython: streams.py:560
        seplen = len(sep)  # cpython: streams.py:561
        try:
            line = await self.readuntil(sep)  # cpython: streams.py:563
        except exceptions.IncompleteReadError as e:
            return e.partial  # cpython: streams.py:565
        except exceptions.LimitOverrunError as e:
            if self._buffer.startswith(sep, e.consumed):  # cpython: streams.py:567
                del self._buffer[:e.consumed + seplen]  # cpython: streams.py:568
            else:
                self._buffer.clear()  # cpython: streams.py:570
            self._maybe_resume_transport()  # cpython: streams.py:571
            raise ValueError(e.args[0])  # cpython: streams.py:572
        return line  # cpython: streams.py:573

    async def readuntil(self, separator=b'\n'):  # cpython: streams.py:575
        seplen = len(separator)  # cpython: streams.py:595
        if seplen == 0:  # cpython: streams.py:596
            raise ValueError('Separator should be at least one-byte string')  # cpython: streams.py:597
        if self._exception is not None:  # cpython: streams.py:599
            raise self._exception  # cpython: streams.py:600
        offset = 0  # cpython: streams.py:621
        while True:  # cpython: streams.py:625
            buflen = len(self._buffer)  # cpython: streams.py:626
            if buflen - offset >= seplen:  # cpython: streams.py:630
                isep = self._buffer.find(separator, offset)  # cpython: streams.py:631
                if isep != -1:  # cpython: streams.py:633
                    break  # cpython: streams.py:636
                offset = buflen + 1 - seplen  # cpython: streams.py:639
                if offset > self._limit:  # cpython: streams.py:640
                    raise exceptions.LimitOverrunError('Separator is not found, and chunk exceed the limit', offset)
            if self._eof:  # cpython: streams.py:649
                chunk = self._buffer.tobytes()
                self._buffer.clear()  # cpython: streams.py:651
                raise exceptions.IncompleteReadError(chunk, None)  # cpython: streams.py:652
            await self._wait_for_data('readuntil')  # cpython: streams.py:655
        if isep > self._limit:  # cpython: streams.py:657
            raise exceptions.LimitOverrunError('Separator is found, but chunk is longer than limit', isep)
        chunk = self._buffer[:isep + seplen]  # cpython: streams.py:661
        del self._buffer[:isep + seplen]  # cpython: streams.py:662
        self._maybe_resume_transport()  # cpython: streams.py:663
        return bytes(chunk)  # cpython: streams.py:664

    async def read(self, n=-1):  # cpython: streams.py:666
        if self._exception is not None:  # cpython: streams.py:688
            raise self._exception  # cpython: streams.py:689
        if n == 0:  # cpython: streams.py:691
            return b''  # cpython: streams.py:692
        if n < 0:  # cpython: streams.py:694
            blocks = []  # cpython: streams.py:699
            while True:  # cpython: streams.py:700
                block = await self.read(self._limit)  # cpython: streams.py:701
                if not block:  # cpython: streams.py:702
                    break  # cpython: streams.py:703
                blocks.append(block)  # cpython: streams.py:704
            return b''.join(blocks)  # cpython: streams.py:705
        if not self._buffer and (not self._eof):
            await self._wait_for_data('read')  # cpython: streams.py:708
        data = bytes(self._buffer[:n])  # cpython: streams.py:711
        del self._buffer[:n]  # cpython: streams.py:712
        self._maybe_resume_transport()  # cpython: streams.py:714
        return data  # cpython: streams.py:715

    async def readexactly(self, n):  # cpython: streams.py:717
        if n < 0:  # cpython: streams.py:732
            raise ValueError('readexactly size can not be less than zero')  # cpython: streams.py:733
        if self._exception is not None:  # cpython: streams.py:735
            raise self._exception  # cpython: streams.py:736
        if n == 0:  # cpython: streams.py:738
            return b''  # cpython: streams.py:739
        while len(self._buffer) < n:  # cpython: streams.py:741
            if self._eof:  # cpython: streams.py:742
                incomplete = self._buffer.tobytes()
                self._buffer.clear()  # cpython: streams.py:744
                raise exceptions.IncompleteReadError(incomplete, n)  # cpython: streams.py:745
            await self._wait_for_data('readexactly')  # cpython: streams.py:747
        if len(self._buffer) == n:  # cpython: streams.py:749
            data = self._buffer.tobytes()
            self._buffer.clear()  # cpython: streams.py:751
        else:
            data = bytes(self._buffer[:n])  # cpython: streams.py:753
            del self._buffer[:n]  # cpython: streams.py:754
        self._maybe_resume_transport()  # cpython: streams.py:755
        return data  # cpython: streams.py:756

    def __aiter__(self):  # cpython: streams.py:758
        return self  # cpython: streams.py:759

    async def __anext__(self):  # cpython: streams.py:761
        val = await self.readline()  # cpython: streams.py:762
        if val == b'':  # cpython: streams.py:763
            raise StopAsyncIteration  # cpython: streams.py:764
        return val  # cpython: streams.py:765


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
